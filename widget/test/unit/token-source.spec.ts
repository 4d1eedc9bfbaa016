import { authorizedFetch, jwtClaims, type TokenSource } from '../../src/auth/token-source';

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
