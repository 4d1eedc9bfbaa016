import { HOSTILE_TEXTS } from '../support/hostile-texts';
import { connectHttp, textOf } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

describe('stored content is data', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url);
  });
  afterAll(() => t.close());

  it('returns HTML, script and SQL titles byte for byte as JSON strings through REST and MCP', async () => {
    const a = api(t.url, user.jwt);
    for (const title of HOSTILE_TEXTS) {
      const created = await a.post('/api/tasks', { title, description: title });
      expect(created.status).toBe(201);
      expect(created.headers.get('content-type')).toContain('application/json');
      expect(created.body.title).toBe(title.trim());
      expect(created.body.description).toBe(title.trim());
    }
    const listed = (await a.get('/api/tasks?limit=100')).body.data.map((x: { title: string }) => x.title);
    expect(listed).toEqual(HOSTILE_TEXTS.map((s) => s.trim()));
    const mcp = await connectHttp(t.url, user.jwt);
    const viaMcp = JSON.parse(textOf(await mcp.call('list_tasks', {}))).map(
      (x: { title: string }) => x.title,
    );
    await mcp.close();
    expect(viaMcp).toEqual(listed);
    expect((await a.get('/health')).status).toBe(200); // and the tables are still there
  });
});

describe('input limits', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '16kb' });
    user = await signUp(t.url);
  });
  afterAll(() => t.close());

  it('answers 413 to a body over BODY_LIMIT on the API and on /mcp', async () => {
    const big = JSON.stringify({ title: 'x', description: 'y'.repeat(20_000) });
    const rest = await api(t.url, user.jwt).post('/api/tasks', big);
    expect(rest.status).toBe(413);
    expect(rest.body.error).toEqual({ code: 'payload_too_large', message: 'The body is too large.' });
    const mcp = await fetch(`${t.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.jwt}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: big,
    });
    expect(mcp.status).toBe(413);
    expect(((await mcp.json()) as any).jsonrpc).toBe('2.0');
  });
});

describe('auth rate limit (against password guessing)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After after the configured sign-in attempts per minute', async () => {
    const user = await signUp(t.url); // one sign-up counts on its own path
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await api(t.url).post(
        '/api/auth/sign-in/email',
        { email: user.email, password: 'wrong-password' },
        { origin: t.url },
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('x-retry-after') ?? res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // a valid JWT keeps working on the API: the limit guards the auth endpoints only
    expect((await api(t.url, user.jwt).get('/api/tasks')).status).toBe(200);
  });
});
