import { SitesService } from '../../src/sites/sites.service';
import { connectHttp, McpConnection, textOf } from '../support/mcp-clients';
import { mcpRequest, mcpTool, toolText } from '../support/oauth-clients';
import { createSite, guestSession, hostSession } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';

const TOOLS = ['add_task', 'complete_task', 'delete_task', 'list_tasks', 'undo_last_change', 'update_task'];

/** `POST /mcp` as a browser page sends it (with its Origin). */
function fromPage(
  baseUrl: string,
  token: string,
  origin: string,
  name: string,
  args: Record<string, unknown>,
) {
  return fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      origin,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
  });
}

/**
 * The backend's own access tokens on /mcp, unchanged by OAuth: a `/api/auth/token` JWT has every tool (no scope
 * checks), and a site user's token works under its site's rules (origins, status).
 */
describe('OAuth for MCP clients: our own tokens on /mcp', () => {
  let t: TestApp;
  const open: McpConnection[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await t.close();
  });

  it('a /api/auth/token JWT: every tool, add to delete (full access, no scope refused)', async () => {
    const u = await signUp(t.url, 'Owen');
    const mcp = await connectHttp(t.url, u.jwt);
    open.push(mcp);
    expect((await mcp.listTools()).map((tool) => tool.name).sort()).toEqual(TOOLS);
    const added = await mcp.call('add_task', { title: 'own token task' });
    expect(added.isError).toBeFalsy();
    const id = (added.structuredContent as { task_id: number }).task_id;
    expect(textOf(await mcp.call('list_tasks', {}))).toContain('own token task');
    expect((await mcp.call('update_task', { task_id: id, title: 'renamed' })).isError).toBeFalsy();
    expect((await mcp.call('complete_task', { task_id: id })).isError).toBeFalsy();
    expect((await mcp.call('delete_task', { task_id: id })).isError).toBeFalsy();
    const rest = await api(t.url, u.jwt).get('/api/tasks?status=all');
    expect(rest.status).toBe(200);
    expect(rest.body.data).toEqual([]);
  });

  it("a site host user's token: works from no origin and from its site's origin; refused from another (403) and once the site is disabled (401)", async () => {
    const site = await createSite(t, { identity: ['host'] });
    const host = await hostSession(t.url, site, `sub-${Date.now()}`, { name: 'Hana' });
    const mcp = await connectHttp(t.url, host.jwt);
    open.push(mcp);
    expect((await mcp.call('add_task', { title: 'host task' })).isError).toBeFalsy();
    const listed = await fromPage(t.url, host.jwt, site.origin, 'list_tasks', {});
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain('host task');

    const elsewhere = await fromPage(t.url, host.jwt, 'https://not-the-site.example', 'add_task', {
      title: 'x',
    });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { error: { code: number } }).error.code).toBe(-32001);

    await t.app.get(SitesService).setStatus(site.id, 'disabled');
    const deadline = Date.now() + 5_000;
    let res = await mcpTool(t.url, host.jwt, 'list_tasks');
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      res = await mcpTool(t.url, host.jwt, 'list_tasks');
    }
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toContain('disabled');
  });

  it("a guest's token works on /mcp, with its own tasks only", async () => {
    const site = await createSite(t, { identity: ['guests'] });
    const guest = await guestSession(t.url, site);
    expect((await mcpTool(t.url, guest.jwt, 'add_task', { title: 'guest task' })).status).toBe(200);
    const listed = await mcpTool(t.url, guest.jwt, 'list_tasks');
    expect(toolText(listed)).toContain('guest task');
    expect((await mcpRequest(t.url, guest.jwt, { method: 'tools/list' })).body.result.tools).toHaveLength(6);
  });
});
