import { Client } from 'pg';
import { pick, RAW_BODIES, rng, stressBody, stressFailure } from '../support/fuzz';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb } from '../support/user-rows';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

/** Where a hostile value goes in better-auth's bodies (every other field valid, the email new). */
const AUTH_SLOTS: Array<[path: string, slot: string]> = [
  ['/api/auth/sign-up/email', '{"email":$,"password":"correct-horse-battery","name":"Fuzz"}'],
  ['/api/auth/sign-up/email', '{"email":"EMAIL","password":$,"name":"Fuzz"}'],
  ['/api/auth/sign-up/email', '{"email":"EMAIL","password":"correct-horse-battery","name":$}'],
  ['/api/auth/sign-in/email', '{"email":$,"password":"correct-horse-battery"}'],
  ['/api/auth/sign-in/email', '{"email":"EMAIL","password":$}'],
];

/**
 * better-auth parses no body of its own: it reads what the app's one JSON parser parsed, so /api/auth/* has the
 * same size and nesting limits as the API. Its refusals keep better-auth's error shape (`{ code, message }`).
 */
describe('fuzz: malformed bodies to /api/auth/*', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const accounts = async () =>
    (
      await db.query(
        'SELECT (SELECT count(*) FROM "user") AS users, (SELECT count(*) FROM session) AS sessions',
      )
    ).rows[0] as unknown;

  async function post(path: string, body: Buffer): Promise<{ status: number; body: any }> {
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body,
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: text };
    }
  }

  it('answers 80 bodies nested too deep, too wide or too long with a 4xx (400 "nested too deeply" past the limit), creating no user or session', async () => {
    const before = await accounts();
    const r = rng(3017);
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      const [path, slot] = pick(r, AUTH_SLOTS);
      const c = stressBody(r, slot.split('EMAIL').join(`fuzz-${i}@example.test`));
      const res = await post(path, c.body);
      const failure = stressFailure(c, res.status, res.body?.message);
      if (failure) failures.push(`${path}: ${failure}`);
      else if (typeof res.body?.code !== 'string') failures.push(`${path}: ${c.label} → no error code`);
    }
    expect(failures).toEqual([]);
    expect(await accounts()).toEqual(before);
  });

  it.each(RAW_BODIES)(
    'answers a raw body (%s) with a 4xx error in better-auth’s shape',
    async (_label, body) => {
      const res = await post('/api/auth/sign-up/email', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.message).toBe('string');
      expect(typeof res.body.code).toBe('string');
    },
  );

  it('still signs up with a well-formed body afterwards (the parsed body reaches better-auth intact)', async () => {
    const res = await post(
      '/api/auth/sign-up/email',
      Buffer.from(
        JSON.stringify({ email: 'fuzz-ok@example.test', password: 'correct-horse-battery', name: 'Ok' }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('fuzz-ok@example.test');
  });
});
