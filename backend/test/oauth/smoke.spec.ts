import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { HttpUser, LoopbackRedirect, MemoryOAuthProvider } from '../support/mcp-oauth';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';

describe('oauth smoke', () => {
  let t: TestApp;
  const redirect = new LoopbackRedirect();
  beforeAll(async () => {
    t = await startTestApp();
    await redirect.start();
  });
  afterAll(async () => {
    await redirect.stop();
    await t.close();
  });

  it('SDK client from a bare 401 to tools', async () => {
    const u = await signUp(t.url, 'Oscar');
    const user = new HttpUser(t.url, u.email, u.password);
    let pending: Promise<URL> | undefined;
    const provider = new MemoryOAuthProvider(redirect.url, (url) => {
      pending = user.authorize(url);
    });
    const mcpUrl = new URL(`${t.url}/mcp`);
    const code = redirect.next();
    await expect(
      new Client({ name: 'c', version: '1' }).connect(
        new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }),
      ),
    ).rejects.toBeInstanceOf(UnauthorizedError);
    await pending;
    const q = await code;
    expect(q.get('error')).toBeNull();
    await new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }).finishAuth(q.get('code')!);
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
    expect((await client.listTools()).tools).toHaveLength(5);
    const added = await client.callTool({ name: 'add_task', arguments: { title: 'buy milk' } });
    expect(JSON.stringify(added.content)).toContain('buy milk');
    expect(provider.savedTokens?.refresh_token).toBeTruthy();
    const apps = await api(t.url, u.jwt).get('/api/connected-apps');
    expect(apps.body).toHaveLength(1);
    const rest = await api(t.url, provider.savedTokens!.access_token).get('/api/tasks');
    expect(rest.status).toBe(401);
    const off = await api(t.url, u.jwt).delete(`/api/connected-apps/${apps.body[0].id}`);
    expect(off.status).toBe(204);
    await expect(client.callTool({ name: 'list_tasks', arguments: {} })).rejects.toThrow();
  });
});
