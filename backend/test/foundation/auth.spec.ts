import { api, exchangeForJwt, signUp, TestUser } from '../support/users';
import { buildConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/config.schema';
import { startTestApp, TestApp, testEnv } from '../support/test-app';
import { badTokenCases, decodeJwt, signWithBackendKey } from '../support/tokens';

describe('auth: better-auth sign-up/sign-in, JWT and the global guard', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Ada');
  });
  afterAll(() => t.close());

  it('signs up, signs in with the password, exchanges the session for an ES256 JWT and calls /api/tasks', async () => {
    const signIn = await api(t.url).post(
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      { origin: t.url },
    );
    expect(signIn.status).toBe(200);
    const session = signIn.headers.get('set-auth-token');
    expect(session).toBeTruthy();

    const token = await exchangeForJwt(t.url, session!);
    const { header, payload } = decodeJwt(token);
    expect(header.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: user.id, iss: t.url, aud: t.url, email: user.email });
    expect(Number(payload.exp) - Number(payload.iat)).toBeLessThanOrEqual(15 * 60);

    const res = await api(t.url, token).get('/api/tasks');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], has_more: false });
  });

  it('rejects a wrong password', async () => {
    const res = await api(t.url).post(
      '/api/auth/sign-in/email',
      { email: user.email, password: 'not-the-password' },
      { origin: t.url },
    );
    expect(res.status).toBe(401);
  });

  describe('answers 401 with an error body for every bad token', () => {
    const cases = badTokenCases(() => ({ app: t.app, baseUrl: t.url, user }));
    it.each(cases)('%s', async (_name, make) => {
      const token = await make();
      const res = await api(t.url, token ?? undefined).get('/api/tasks');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(typeof res.body.error.message).toBe('string');
    });
  });

  it('accepts a token the backend signed itself with the right claims (the negative cases are not vacuous)', async () => {
    const token = await signWithBackendKey(t.app, { sub: user.id });
    expect((await api(t.url, token).get('/api/tasks')).status).toBe(200);
  });

  it('publishes its JWKS and keeps /health and /api/docs public', async () => {
    const jwks = await api(t.url).get('/api/auth/jwks');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.body.keys[0].d).toBeUndefined();
    expect((await api(t.url).get('/health')).body).toEqual({ status: 'ok', database: 'up' });
    const docs = await api(t.url).get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/tasks/{id}/complete']),
    );
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await api(t.url, user.jwt).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ALLOWED_ORIGINS: 'https://shop.example,http://localhost:8080' });
  });
  afterAll(() => t.close());

  it('grants allowed origins, with a correct preflight', async () => {
    const res = await fetch(`${t.url}/api/tasks`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('gives no grant to other origins, on API and auth routes', async () => {
    for (const path of ['/api/tasks', '/api/auth/jwks', '/health']) {
      const res = await fetch(`${t.url}${path}`, { headers: { origin: 'https://evil.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('a backend on any port names itself: PUBLIC_URL defaults to http://localhost:$PORT', () => {
  let t: TestApp;
  let self: string; // the origin a page served by this backend has
  let direct: string; // the same backend under another name (the test app listens on 127.0.0.1)

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: '' }); // empty = unset
    self = `http://localhost:${t.config.port}`;
    direct = `http://127.0.0.1:${t.config.port}`;
  });
  afterAll(() => t.close());

  it('derives PUBLIC_URL from PORT when it is unset; an explicit PUBLIC_URL still wins', () => {
    expect(t.config.publicUrl).toBe(self);
    expect(buildConfig(parseEnv(testEnv(4000, { PUBLIC_URL: '' }))).publicUrl).toBe('http://localhost:4000');
    expect(buildConfig(parseEnv(testEnv(4000, { PUBLIC_URL: 'https://todo.example/' }))).publicUrl).toBe(
      'https://todo.example',
    );
  });

  it('accepts a same-origin sign-up and issues JWTs naming its own origin, which the API accepts', async () => {
    const email = `port-${t.config.port}@example.test`;
    const signUp = await api(direct).post(
      '/api/auth/sign-up/email',
      { email, password: 'correct-horse-battery', name: 'Port' },
      { origin: self },
    );
    expect({ status: signUp.status, body: signUp.body }).toMatchObject({
      status: 200,
      body: { user: { email } },
    });

    const token = await exchangeForJwt(direct, signUp.headers.get('set-auth-token')!);
    expect(decodeJwt(token).payload).toMatchObject({ iss: self, aud: self });
    expect((await api(direct, token).get('/api/tasks')).status).toBe(200);
    expect((await api(direct).get('/.well-known/oauth-protected-resource/mcp')).body.resource).toBe(
      `${self}/mcp`,
    );
  });

  it('refuses a sign-up from another origin, saying which origin and which setting allows it', async () => {
    const res = await api(direct).post(
      '/api/auth/sign-up/email',
      { email: `other-${t.config.port}@example.test`, password: 'correct-horse-battery', name: 'Other' },
      { origin: direct },
    );
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 'INVALID_ORIGIN',
      message: `The origin ${direct} is not allowed. Add it to ALLOWED_ORIGINS on the backend, or to a site's origins (npm run sites -- update <site> --origin ${direct}).`,
    });
  });
});
