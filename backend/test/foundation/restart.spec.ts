import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendProcess } from '../support/backend-process';
import { freePort, testDatabaseUrl, testDbKind } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp } from '../support/users';

/**
 * A restart of the real built backend loses nothing: users, sessions, signing keys and tasks.
 * The `embedded` project runs it on PGlite in its own data directory (what `npm start` does without
 * DATABASE_URL); the `postgres` project on the test PostgreSQL database.
 */
describe(`restart (${testDbKind()} database)`, () => {
  let dataDir: string;
  let backend: BackendProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'todo-restart-'));
    const port = await freePort();
    const env: Record<string, string> = {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
    };
    if (testDbKind() === 'postgres')
      Object.assign(env, { DATABASE_URL: testDatabaseUrl(), BETTER_AUTH_SECRET: TEST_AUTH_SECRET });
    // The embedded case uses no BETTER_AUTH_SECRET: the secret generated into DATA_DIR must survive too.
    backend = new BackendProcess(env);
  }, 60_000);

  afterAll(async () => {
    await backend.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps users, tokens, signing keys and tasks across a graceful restart', async () => {
    await backend.start();
    const user = await signUp(backend.url, 'Restart');
    const created = await api(backend.url, user.jwt).post('/api/tasks', { title: 'Survive the restart' });
    expect(created.status).toBe(201);

    expect(await backend.stop('SIGTERM')).toBe(0); // graceful shutdown exits cleanly
    await backend.start();

    const listed = await api(backend.url, user.jwt).get('/api/tasks'); // the old JWT still verifies
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((t: { title: string }) => t.title)).toEqual(['Survive the restart']);

    const signIn = await api(backend.url).post(
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      { origin: backend.url },
    );
    expect(signIn.status).toBe(200);
    const fresh = await fetch(`${backend.url}/api/auth/token`, {
      headers: { authorization: `Bearer ${user.sessionToken}` },
    });
    expect(fresh.status).toBe(200); // the old session survived as well
    expect((await api(backend.url, user.jwt).post('/api/tasks', { title: 'Second' })).body.id).toBe(2);
  }, 120_000);
});
