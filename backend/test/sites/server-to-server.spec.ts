import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SitesService } from '../../src/sites/sites.service';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { createSite, hostSession, SiteUser } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf, UserRows } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(30_000);

const EMPTY: UserRows = {
  tasks: [],
  task_counters: [],
  chat_threads: [],
  chat_thread_items: [],
  user_settings: [],
};

/**
 * A site's server, with its site secret, erases and exports its own users (`DELETE /api/sites/:siteId/users/:sub`,
 * `GET …/export`): nobody else can — not another site, not a user's access token — and a site reaches only its
 * own users, even when another site has a user with the same sub.
 */
describe('server to server: erasing and exporting a host user with the site secret', () => {
  const A_MARK = `alpha-${randomUUID().slice(0, 8)}`;
  const B_MARK = `bravo-${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  let db: Client;
  let a: Awaited<ReturnType<typeof createSite>>;
  let b: Awaited<ReturnType<typeof createSite>>;
  let userA: SiteUser;
  let userB: SiteUser;
  let account: TestUser;
  let threadA = '';
  let restThreadA = '';

  const call = async (method: 'DELETE' | 'GET', site: string, sub: string, authorization?: string) => {
    const path = `/api/sites/${site}/users/${encodeURIComponent(sub)}${method === 'GET' ? '/export' : ''}`;
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: authorization !== undefined ? { authorization } : {},
    });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_MINUTE: '1000' });
    db = await connectTestDb();
    [a, b] = await Promise.all([createSite(t), createSite(t)]);
    account = await signUp(t.url, 'Account');
    userA = await hostSession(t.url, a, 'cust-1', { name: 'Erin', email: 'erin@alpha.example.test' });
    userB = await hostSession(t.url, b, 'cust-1', { name: 'Other Erin' });
    const restA = api(t.url, userA.jwt);
    await restA.post('/api/tasks', { title: `${A_MARK} first`, tags: ['export'] });
    await restA.post('/api/tasks', { title: `${A_MARK} second` });
    await restA.patch('/api/tasks/2/complete');
    const ck = await new ChatKitClient(t.url, userA.jwt).stream('threads.create', {
      input: userInput(`add ${A_MARK} water plants`),
    });
    threadA = ck.events[0].thread.id;
    restThreadA = (await restA.post('/api/chat', { message: `add ${A_MARK} call mum` })).body.conversation_id;
    await api(t.url, userB.jwt).post('/api/tasks', { title: `${B_MARK} task of site B` });
    await new ChatKitClient(t.url, userB.jwt).stream('threads.create', {
      input: userInput(`add ${B_MARK} too`),
    });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const sendSecret = 'Send the site secret as Authorization: Bearer <secret> (server to server only).';
  const notASecret = (site: string) => `That is not a secret of the site ${site}.`;
  const refusals: Array<[string, () => string | undefined, () => string]> = [
    ['no Authorization header', () => undefined, () => sendSecret],
    ['an empty bearer', () => 'Bearer ', () => sendSecret],
    ['Basic credentials', () => `Basic ${Buffer.from(`x:${a.secret}`).toString('base64')}`, () => sendSecret],
    ['the secret without "Bearer"', () => a.secret, () => sendSecret],
    ['a wrong secret', () => 'Bearer tas_not-the-secret', () => notASecret(a.id)],
    ["another site's secret", () => `Bearer ${b.secret}`, () => notASecret(a.id)],
    ['the secret with a character more', () => `Bearer ${a.secret}x`, () => notASecret(a.id)],
    ['the secret with a character less', () => `Bearer ${a.secret.slice(0, -1)}`, () => notASecret(a.id)],
    ["the user's own access token", () => `Bearer ${userA.jwt}`, () => notASecret(a.id)],
    ["an account's access token", () => `Bearer ${account.jwt}`, () => notASecret(a.id)],
  ];

  it.each(refusals)(
    '%s → 401 with a message, on erase and on export, and nothing is erased',
    async (_n, auth, message) => {
      const before = await rowsOf(db, userA.id);
      for (const method of ['DELETE', 'GET'] as const) {
        const res = await call(method, a.id, 'cust-1', auth());
        expect({ method, status: res.status, body: res.body }).toEqual({
          method,
          status: 401,
          body: { error: { code: 'unauthorized', message: message() } },
        });
      }
      expect(await rowsOf(db, userA.id)).toEqual(before);
    },
  );

  it('an unknown sub → 404 naming it; an unknown site → 401', async () => {
    for (const method of ['DELETE', 'GET'] as const) {
      expect(await call(method, a.id, 'nobody', `Bearer ${a.secret}`)).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found', message: `The site ${a.id} has no user "nobody".` } },
      });
      expect(await call(method, 'no-such-site', 'cust-1', `Bearer ${a.secret}`)).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthorized', message: 'There is no site "no-such-site".' } },
      });
    }
  });

  it("a site cannot reach another site's user with the same sub (its secret is not that site's)", async () => {
    const before = await rowsOf(db, userB.id);
    for (const method of ['DELETE', 'GET'] as const) {
      const res = await call(method, b.id, 'cust-1', `Bearer ${a.secret}`);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 401,
        body: { error: { code: 'unauthorized', message: notASecret(b.id) } },
      });
      expect(res.text).not.toContain(B_MARK);
    }
    expect(await rowsOf(db, userB.id)).toEqual(before);
  });

  it("export: the user's tasks and conversations, and nothing of anyone else's", async () => {
    const res = await call('GET', a.id, 'cust-1', `Bearer ${a.secret}`);
    expect(res.status).toBe(200);
    expect(res.body.site).toBe(a.id);
    expect(res.body.user).toEqual({
      sub: 'cust-1',
      name: 'Erin',
      email: 'erin@alpha.example.test',
      created_at: expect.stringMatching(/Z$/),
      last_seen_at: expect.stringMatching(/Z$/),
    });
    const tasks = res.body.tasks.map((x: any) => ({
      id: x.id,
      title: x.title.toLowerCase(),
      completed: x.completed,
    }));
    expect(tasks).toEqual([
      { id: 1, title: `${A_MARK} first`, completed: false },
      { id: 2, title: `${A_MARK} second`, completed: true },
      { id: 3, title: `${A_MARK} water plants`, completed: false },
      { id: 4, title: `${A_MARK} call mum`, completed: false },
    ]);
    expect(res.body.tasks[0].tags).toEqual(['export']);
    const conversations = res.body.conversations as any[];
    expect(conversations.map((c) => c.id).sort()).toEqual([threadA, restThreadA].sort());
    for (const c of conversations) {
      const types = c.items.map((i: any) => i.type);
      expect(types).toEqual(expect.arrayContaining(['user_message', 'assistant_message']));
    }
    const chatkit = conversations.find((c) => c.id === threadA);
    const said = chatkit.items.find((i: any) => i.type === 'user_message').content;
    expect(JSON.stringify(said)).toContain(`add ${A_MARK} water plants`);
    const rest = conversations.find((c) => c.id === restThreadA);
    expect(JSON.stringify(rest.items)).toContain(`add ${A_MARK} call mum`);
    expect(res.text).not.toContain(B_MARK);
    expect(res.text).not.toContain(userB.id);
  });

  it('the previous secret works within its grace period, and no longer once revoked', async () => {
    const sites = t.app.get(SitesService);
    const { secret: next } = await sites.rotateSecret(a.id);
    expect((await call('GET', a.id, 'cust-1', `Bearer ${a.secret}`)).status).toBe(200);
    expect((await call('GET', a.id, 'cust-1', `Bearer ${next}`)).status).toBe(200);
    await sites.revokeSecret(a.id);
    for (const method of ['DELETE', 'GET'] as const)
      expect(await call(method, a.id, 'cust-1', `Bearer ${a.secret}`)).toMatchObject({
        status: 401,
        body: { error: { message: notASecret(a.id) } },
      });
    a.secret = next;
    expect((await call('GET', a.id, 'cust-1', `Bearer ${a.secret}`)).status).toBe(200);
  });

  it('a sub with reserved characters is addressed by its URL encoding', async () => {
    const sub = 'auth0|a b/c?d#e';
    const user = await hostSession(t.url, a, sub);
    await api(t.url, user.jwt).post('/api/tasks', { title: 'encoded' });
    const exported = await call('GET', a.id, sub, `Bearer ${a.secret}`);
    expect(exported.status).toBe(200);
    expect(exported.body.user.sub).toBe(sub);
    expect(exported.body.tasks.map((x: any) => x.title)).toEqual(['encoded']);
    expect((await call('DELETE', a.id, sub, `Bearer ${a.secret}`)).status).toBe(204);
    expect(await rowsOf(db, user.id)).toEqual(EMPTY);
  });

  it('erase: the user and everything they own are gone; their old token writes nothing; the same sub starts empty', async () => {
    const beforeB = await rowsOf(db, userB.id);
    const before = await rowsOf(db, userA.id);
    expect(before.tasks).toHaveLength(4);
    expect(before.chat_threads).toHaveLength(2);
    expect(before.chat_thread_items.length).toBeGreaterThanOrEqual(4);

    const erased = await call('DELETE', a.id, 'cust-1', `Bearer ${a.secret}`);
    expect({ status: erased.status, text: erased.text }).toEqual({ status: 204, text: '' });

    expect(await rowsOf(db, userA.id)).toEqual(EMPTY);
    const leftovers = await db.query(
      `SELECT (SELECT count(*) FROM "user" WHERE id = $1)::int AS users,
              (SELECT count(*) FROM site_users WHERE user_id = $1 OR (site_id = $2 AND subject = 'cust-1'))::int AS site_users,
              (SELECT count(*) FROM chat_threads WHERE id = ANY($3))::int AS threads,
              (SELECT count(*) FROM chat_thread_items WHERE thread_id = ANY($3))::int AS items`,
      [userA.id, a.id, [threadA, restThreadA]],
    );
    expect(leftovers.rows).toEqual([{ users: 0, site_users: 0, threads: 0, items: 0 }]);
    // Site B's user with the same sub is untouched.
    expect(await rowsOf(db, userB.id)).toEqual(beforeB);

    // Gone for the site's server too …
    for (const method of ['DELETE', 'GET'] as const)
      expect((await call(method, a.id, 'cust-1', `Bearer ${a.secret}`)).status).toBe(404);
    // … and the access token still in the user's browser reads nothing and cannot write anything back.
    const old = api(t.url, userA.jwt);
    expect((await old.get('/api/tasks?status=all')).body.data).toEqual([]);
    expect((await old.post('/api/tasks', { title: 'revenant' })).status).toBe(401);
    expect((await old.post('/api/chat', { message: 'add revenant' })).status).toBe(401);
    const ck = await new ChatKitClient(t.url, userA.jwt).raw({
      type: 'threads.create',
      params: { input: userInput('add revenant') },
    });
    expect(ck.status).toBe(401);
    expect(await rowsOf(db, userA.id)).toEqual(EMPTY);

    // The same sub signs in again: a new user, with nothing.
    const again = await hostSession(t.url, a, 'cust-1', { name: 'Erin' });
    expect(again.id).not.toBe(userA.id);
    const rest = api(t.url, again.jwt);
    expect((await rest.get('/api/tasks?status=all')).body.data).toEqual([]);
    expect((await rest.get('/api/chat/conversations')).body.data).toEqual([]);
    expect((await new ChatKitClient(t.url, again.jwt).json('threads.list', {})).body.data).toEqual([]);
    const fresh = await call('GET', a.id, 'cust-1', `Bearer ${a.secret}`);
    expect({ tasks: fresh.body.tasks, conversations: fresh.body.conversations }).toEqual({
      tasks: [],
      conversations: [],
    });
  });
});
