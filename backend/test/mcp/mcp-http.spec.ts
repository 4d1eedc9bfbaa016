import { connectHttp, textOf } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';
import { signWithBackendKey } from '../support/tokens';
import { toolBehaviour } from './mcp-tools.behaviour';

describe('MCP over Streamable HTTP (POST /mcp)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('tools, through the official SDK client', () => {
    toolBehaviour(
      () => t,
      (app, user) => connectHttp(app.url, user.jwt),
    );
  });

  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
  };
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${t.url}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body,
    });

  it('answers 401 with WWW-Authenticate and the resource metadata URL without or with a bad token', async () => {
    const user = await signUp(t.url);
    const expired = await signWithBackendKey(t.app, {
      sub: user.id,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${user.sessionToken}` },
      { authorization: `Bearer ${expired}` },
    ]) {
      const res = await post(headers as Record<string, string>, JSON.stringify(initialize));
      expect(res.status).toBe(401);
      const challenge = res.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(/^Bearer /);
      expect(challenge).toContain(`resource_metadata="${t.url}/.well-known/oauth-protected-resource/mcp"`);
    }
    await expect(connectHttp(t.url, 'not-a-token')).rejects.toThrow();
  });

  it('publishes protected-resource metadata pointing at the auth server', async () => {
    for (const path of [
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/mcp',
    ]) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect((await res.json()) as any).toMatchObject({
        resource: `${t.url}/mcp`,
        authorization_servers: [t.url],
        scopes_supported: ['tasks:read', 'tasks:write'],
        bearer_methods_supported: ['header'],
      });
    }
  });

  it('answers GET and DELETE with 405', async () => {
    const user = await signUp(t.url);
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${t.url}/mcp`, { method, headers: { authorization: `Bearer ${user.jwt}` } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(((await res.json()) as any).error.code).toBe(-32000);
    }
  });

  it('answers with JSON (no session id) and protocol errors for malformed JSON-RPC', async () => {
    const user = await signUp(t.url);
    const auth = { authorization: `Bearer ${user.jwt}` };
    const ok = await post(auth, JSON.stringify(initialize));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/json');
    expect(ok.headers.get('mcp-session-id')).toBeNull();
    expect(((await ok.json()) as any).result.serverInfo.name).toBe('todo-assistant');

    const broken = await post(auth, '{"jsonrpc":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).error.code).toBe(-32700);

    const notRpc = await post(auth, JSON.stringify({ hello: 'world' }));
    expect(notRpc.status).toBe(400);
    expect(((await notRpc.json()) as any).error).toBeDefined();
  });

  it('works as curl shows in the README: a stateless tools/call without initialize', async () => {
    const user = await signUp(t.url);
    const res = await post(
      { authorization: `Bearer ${user.jwt}`, 'mcp-protocol-version': '2025-06-18' },
      JSON.stringify({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'add_task', arguments: { title: 'From curl' } },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(JSON.parse(textOf(body.result))).toEqual({ task_id: 1, status: 'created', title: 'From curl' });
  });

  it('acts for each request’s token when requests of two users alternate and overlap (servers are reused)', async () => {
    const [ann, ben] = await Promise.all([signUp(t.url, 'Ann'), signUp(t.url, 'Ben')]);
    const add = (jwt: string, title: string, id: number) =>
      post(
        { authorization: `Bearer ${jwt}` },
        JSON.stringify({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name: 'add_task', arguments: { title } },
        }),
      ).then(async (r) => JSON.parse(textOf(((await r.json()) as any).result)) as { task_id: number });
    for (let round = 0; round < 3; round++) {
      // One after the other (the same idle server serves both), then both at once.
      expect((await add(ann.jwt, `Ann ${round}a`, 1)).task_id).toBe(2 * round + 1);
      expect((await add(ben.jwt, `Ben ${round}a`, 1)).task_id).toBe(2 * round + 1);
      const [a, b] = await Promise.all([add(ann.jwt, `Ann ${round}b`, 2), add(ben.jwt, `Ben ${round}b`, 2)]);
      expect([a.task_id, b.task_id]).toEqual([2 * round + 2, 2 * round + 2]);
    }
    const titles = async (jwt: string) =>
      ((await api(t.url, jwt).get('/api/tasks?limit=100')).body.data as Array<{ title: string }>).map(
        (x) => x.title,
      );
    expect(await titles(ann.jwt)).toEqual(['Ann 0a', 'Ann 0b', 'Ann 1a', 'Ann 1b', 'Ann 2a', 'Ann 2b']);
    expect(await titles(ben.jwt)).toEqual(['Ben 0a', 'Ben 0b', 'Ben 1a', 'Ben 1b', 'Ben 2a', 'Ben 2b']);
  });
});
