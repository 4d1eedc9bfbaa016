import { authorizedFetch, hostTokenSource, jwtClaims, type TokenSource } from '../../src/auth/token-source';

function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part(claims)}.sig`;
}

describe('authorizedFetch', () => {
  const realFetch = global.fetch;
  let seen: Array<{ auth: string | null; body: string; custom: string | null }>;
  let statuses: number[];

  beforeEach(() => {
    seen = [];
    statuses = [];
    global.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init);
      seen.push({
        auth: req.headers.get('authorization'),
        body: await req.text(),
        custom: req.headers.get('x-custom'),
      });
      return new Response('{}', { status: statuses.shift() ?? 200 });
    };
  });
  afterEach(() => {
    global.fetch = realFetch;
  });

  function source(tokens: Array<string | null>, refreshed: Array<string | null>) {
    const calls = { token: 0, refresh: 0 };
    const s: TokenSource = {
      token: async () => (calls.token++, tokens.shift() ?? null),
      refresh: async () => (calls.refresh++, refreshed.shift() ?? null),
    };
    return { s, calls };
  }

  it('adds the bearer token and keeps the caller’s headers and body', async () => {
    const { s } = source(['t1'], []);
    const res = await authorizedFetch(s, () => undefined)('http://api.test/x', {
      method: 'POST',
      headers: { 'x-custom': 'yes' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ auth: 'Bearer t1', body: '{"a":1}', custom: 'yes' }]);
  });

  it('after a 401 gets a new token and retries exactly once, resending the same body', async () => {
    statuses = [401, 200];
    const { s, calls } = source(['old'], ['new']);
    let signedOut = 0;
    const res = await authorizedFetch(
      s,
      () => signedOut++,
    )(new Request('http://api.test/x', { method: 'POST', body: 'payload' }));
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      { auth: 'Bearer old', body: 'payload', custom: null },
      { auth: 'Bearer new', body: 'payload', custom: null },
    ]);
    expect(calls).toEqual({ token: 1, refresh: 1 });
    expect(signedOut).toBe(0);
  });

  it('signs out when no new token can be had, or the new one is refused too', async () => {
    statuses = [401];
    let signedOut = 0;
    const none = source(['old'], [null]);
    expect((await authorizedFetch(none.s, () => signedOut++)('http://api.test/x')).status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(signedOut).toBe(1);

    statuses = [401, 401];
    const refused = source(['old'], ['also-bad']);
    expect((await authorizedFetch(refused.s, () => signedOut++)('http://api.test/x')).status).toBe(401);
    expect(seen).toHaveLength(3); // one retry, not a loop
    expect(signedOut).toBe(2);
  });
});

describe('jwtClaims', () => {
  it('reads the claims (UTF-8 names included) without verifying, and survives garbage', () => {
    expect(jwtClaims(jwt({ sub: 'u1', exp: 1_900_000_000, name: 'Zoë 🎉' }))).toEqual({
      sub: 'u1',
      exp: 1_900_000_000,
      name: 'Zoë 🎉',
    });
    expect(jwtClaims('not-a-jwt')).toEqual({});
    expect(jwtClaims('a.%%%.c')).toEqual({});
  });
});

describe('hostTokenSource on a site: host tokens are exchanged, backend tokens pass through', () => {
  const realFetch = global.fetch;
  let exchanges: Array<{ url: string; token: string }>;
  let answers: Array<{ status: number; body: unknown }>;
  const now = () => Math.floor(Date.now() / 1000);

  beforeEach(() => {
    exchanges = [];
    answers = [];
    global.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(init?.body as string) as { token: string };
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      exchanges.push({ url, token: body.token });
      const a = answers.shift() ?? {
        status: 200,
        body: { token: `access-${exchanges.length}`, expires_in: 900 },
      };
      return new Response(JSON.stringify(a.body), { status: a.status });
    };
  });
  afterEach(() => {
    global.fetch = realFetch;
  });

  const site = { apiUrl: 'http://api.test', id: 'northwind' };

  it('exchanges a host token (aud = the site) once and keeps the access token until shortly before it expires', async () => {
    const asked: boolean[] = [];
    const host = jwt({ sub: 'c-1', aud: 'northwind', exp: now() + 600 });
    const s = hostTokenSource(({ refresh }) => (asked.push(refresh), host), site);
    const [a, b] = await Promise.all([s.token(), s.token()]);
    expect([a, b]).toEqual(['access-1', 'access-1']);
    expect(await s.token()).toBe('access-1');
    expect(exchanges).toEqual([{ url: 'http://api.test/api/sites/northwind/session', token: host }]);
    expect(asked).toEqual([false]);
  });

  it('asks the page again when the access token nears its end (a fifth of its life left)', async () => {
    let calls = 0;
    answers = [{ status: 200, body: { token: 'short', expires_in: 2 } }];
    const s = hostTokenSource(() => (calls++, jwt({ sub: 'c-1', aud: 'northwind' })), site);
    expect(await s.token()).toBe('short');
    await new Promise((r) => setTimeout(r, 1700));
    expect(await s.token()).toBe('access-2');
    expect(calls).toBe(2);
  });

  it('a host token refused as stale is asked for again with refresh: true, once', async () => {
    const asked: boolean[] = [];
    answers = [{ status: 401, body: { error: { code: 'unauthorized', message: 'The host token expired' } } }];
    const s = hostTokenSource(({ refresh }) => (asked.push(refresh), jwt({ aud: 'northwind' })), site);
    expect(await s.token()).toBe('access-2');
    expect(asked).toEqual([false, true]);
  });

  it("says what the backend said when the page's fresh token is refused too (a wrong secret)", async () => {
    const refusal = {
      status: 401,
      body: { error: { code: 'unauthorized', message: 'The host token’s signature does not match' } },
    };
    answers = [refusal, refusal];
    const s = hostTokenSource(() => jwt({ aud: 'northwind' }), site);
    await expect(s.token()).rejects.toThrow('The host token’s signature does not match');
  });

  it("passes the backend's own tokens through untouched (no exchange), and null as signed out", async () => {
    const backendToken = jwt({ sub: 'u1', aud: 'http://api.test' });
    expect(await hostTokenSource(() => backendToken, site).token()).toBe(backendToken);
    expect(await hostTokenSource(() => null, site).token()).toBeNull();
    expect(await hostTokenSource(() => jwt({ aud: 'northwind' })).token()).toContain('.'); // no site: as given
    expect(exchanges).toEqual([]);
  });
});
