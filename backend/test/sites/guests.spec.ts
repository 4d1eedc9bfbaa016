import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GuestSweeper } from '../../src/sites/guest-sweeper';
import { SitesService } from '../../src/sites/sites.service';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { GuestUser, loopbackAddress, newGuest, postGuest } from '../support/guest-requests';
import { createSite, uniqueOrigin } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { decodeJwt } from '../support/tokens';
import { connectTestDb, rowsOf, UserRows } from '../support/user-rows';
import { api, exchangeForJwt, signUp } from '../support/users';

const GUEST_LIMIT = 3;
const RETENTION_DAYS = 7;

/**
 * Guests: `POST /api/sites/:siteId/guest` (sites.md, Guests) — a session and an access token tied to the site,
 * refusals that say why, the per-address creation limit; a guest who signs up or in keeps their tasks and
 * conversations (moved once); idle guests are swept with their data.
 */
describe('site guests', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({
      GUEST_RATE_LIMIT_PER_MINUTE: String(GUEST_LIMIT),
      GUEST_RETENTION_DAYS: String(RETENTION_DAYS),
    });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const startGuest = (siteId: string, opts: { origin?: string; from?: string } = {}) =>
    postGuest(t.url, siteId, opts);
  const guestOf = (site: { id: string; origin: string }) => newGuest(t.url, site);

  const refresh = (session: string) =>
    fetch(`${t.url}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } });

  /** sign-up or sign-in by email, from the site's page, carrying the guest session. */
  async function authAs(
    path: 'sign-up' | 'sign-in',
    body: Record<string, string>,
    origin: string,
    guestSession?: string,
  ): Promise<{ status: number; body: any; session: string | null }> {
    const res = await fetch(`${t.url}/api/auth/${path}/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        ...(guestSession ? { authorization: `Bearer ${guestSession}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json(), session: res.headers.get('set-auth-token') };
  }

  const userRowCount = async (id: string) =>
    Number((await db.query('SELECT count(*) FROM "user" WHERE id = $1', [id])).rows[0].count);

  const siteUserCount = async (siteId: string) =>
    Number((await db.query('SELECT count(*) FROM site_users WHERE site_id = $1', [siteId])).rows[0].count);

  /** A guest's rows as another user's would read: no owner column (it changes), everything else compared. */
  function withoutOwner(rows: UserRows): Record<string, unknown[]> {
    const strip = (list: unknown[]) =>
      list.map((r) => {
        const { user_id: _owner, ...rest } = r as Record<string, unknown>;
        return rest;
      });
    return {
      tasks: strip(rows.tasks),
      chat_threads: strip(rows.chat_threads),
      chat_thread_items: strip(rows.chat_thread_items),
    };
  }

  /** A guest with two REST tasks (one with every field, one completed) and a ChatKit conversation. */
  async function busyGuest(site: { id: string; origin: string }): Promise<GuestUser> {
    const g = await guestOf(site);
    const rest = api(t.url, g.jwt);
    const first = await rest.post(
      '/api/tasks',
      {
        title: 'Water the plants',
        description: 'The ferns twice',
        priority: 'high',
        tags: ['home'],
        due_at: '2031-03-14T09:30',
        recurrence: 'every monday',
      },
      { origin: site.origin },
    );
    expect(first.status).toBe(201);
    expect((await rest.post('/api/tasks', { title: 'Call mom' }, { origin: site.origin })).status).toBe(201);
    expect((await api(t.url, g.jwt).patch('/api/tasks/2/complete', {})).status).toBe(200);
    const chat = await new ChatKitClient(t.url, g.jwt).stream('threads.create', {
      input: userInput('add buy milk'),
    });
    expect(chat.status).toBe(200);
    expect((await rest.get('/api/tasks')).body.data.map((x: any) => [x.id, x.title])).toEqual([
      [1, 'Water the plants'],
      [2, 'Call mom'],
      [3, 'Buy milk'],
    ]);
    return g;
  }

  describe('POST /api/sites/:siteId/guest', () => {
    it('answers a session, an access token of the site, its lifetime and the user; the session refreshes with the same site', async () => {
      const site = await createSite(t, { identity: ['guests'] });
      const res = await startGuest(site.id, { origin: site.origin });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['expires_in', 'session', 'token', 'user']);
      expect(res.body.expires_in).toBe(900);
      expect(res.body.user).toEqual({ id: expect.any(String), name: 'Guest' });
      expect(res.body.session).toEqual(expect.any(String));

      const { header, payload } = decodeJwt(res.body.token);
      expect(header.alg).toBe('ES256');
      expect(payload).toMatchObject({ sub: res.body.user.id, site: site.id, kind: 'guest', name: 'Guest' });
      expect(payload).not.toHaveProperty('email'); // no placeholder address leaks into the token
      expect(payload).toMatchObject({ iss: t.url, aud: t.url });
      const now = Math.floor(Date.now() / 1000);
      expect(payload.exp as number).toBeGreaterThan(now + 900 - 30);
      expect(payload.exp as number).toBeLessThanOrEqual(now + 900);

      const row = await db.query('SELECT site_id, kind, subject FROM site_users WHERE user_id = $1', [
        res.body.user.id,
      ]);
      expect(row.rows).toEqual([{ site_id: site.id, kind: 'guest', subject: null }]);

      // the token works, from the site's page and from no page at all
      const rest = api(t.url, res.body.token);
      expect((await rest.post('/api/tasks', { title: 'First' }, { origin: site.origin })).status).toBe(201);
      expect((await rest.get('/api/tasks')).body.data.map((x: any) => x.title)).toEqual(['First']);

      const refreshed = await refresh(res.body.session);
      expect(refreshed.status).toBe(200);
      const again = decodeJwt(((await refreshed.json()) as { token: string }).token).payload;
      expect(again).toMatchObject({ sub: res.body.user.id, site: site.id, kind: 'guest' });
      expect(again).not.toHaveProperty('email');
    });

    it('refuses a site that does not allow guests (403), an unknown site (404), a disabled site (403) and an unlisted origin (403), making no guest', async () => {
      const hostOnly = await createSite(t, { identity: ['host', 'accounts'] });
      const noGuests = await startGuest(hostOnly.id, { origin: hostOnly.origin });
      expect(noGuests.status).toBe(403);
      expect(noGuests.body.error).toEqual({
        code: 'forbidden',
        message: `The site ${hostOnly.id} does not allow guests: sign in to use the assistant.`,
      });

      const unknown = await startGuest('no-such-site-here');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toEqual({
        code: 'not_found',
        message: 'There is no site "no-such-site-here".',
      });

      const disabled = await createSite(t, { identity: ['guests'] });
      await t.app.get(SitesService).setStatus(disabled.id, 'disabled');
      const off = await startGuest(disabled.id, { origin: disabled.origin });
      expect(off.status).toBe(403);
      expect(off.body.error).toEqual({ code: 'forbidden', message: `The site ${disabled.id} is disabled.` });
      // without an Origin too: a disabled site has no guests at all
      expect((await startGuest(disabled.id)).status).toBe(403);

      const site = await createSite(t, { identity: ['guests'] });
      const elsewhere = uniqueOrigin('elsewhere');
      const foreign = await startGuest(site.id, { origin: elsewhere });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error).toEqual({
        code: 'forbidden',
        message: `The site ${site.id} does not list the origin ${elsewhere}: add it (npm run sites -- update ${site.id} --origin ${elsewhere}).`,
      });

      for (const id of [hostOnly.id, disabled.id, site.id]) expect(await siteUserCount(id)).toBe(0);
    });

    it('limits guest creation per client address: a burst from one address gets exactly the limit, then 429; other addresses go on', async () => {
      const site = await createSite(t, { identity: ['guests'] });
      const from = loopbackAddress();
      const burst = await Promise.all(
        Array.from({ length: GUEST_LIMIT + 3 }, () => startGuest(site.id, { origin: site.origin, from })),
      );
      expect(burst.map((a) => a.status).sort()).toEqual([
        ...Array<number>(GUEST_LIMIT).fill(200),
        ...Array<number>(3).fill(429),
      ]);
      for (const refused of burst.filter((a) => a.status === 429)) {
        expect(refused.body.error.code).toBe('rate_limited');
        expect(refused.body.error.message).toMatch(
          /^Too many guest sessions from this address: try again in \d+ s\.$/,
        );
        const wait = Number(/in (\d+) s/.exec(refused.body.error.message)![1]);
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(wait).toBeLessThanOrEqual(60);
      }
      expect(await siteUserCount(site.id)).toBe(GUEST_LIMIT);
      // still refused from that address, on any site; another address is not affected
      const other = await createSite(t, { identity: ['guests'] });
      expect((await startGuest(other.id, { origin: other.origin, from })).status).toBe(429);
      expect((await startGuest(site.id, { origin: site.origin })).status).toBe(200);
    });

    it('refuses a site deleted elsewhere before this instance noticed (404), leaving no guest of no site behind', async () => {
      const site = await createSite(t, { identity: ['guests'] });
      const since = new Date();
      // another instance (or `npm run sites`) deletes it: this app's view still has it until its next poll
      await db.query('DELETE FROM sites WHERE id = $1', [site.id]);
      const res = await startGuest(site.id, { origin: site.origin });
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: `There is no site "${site.id}".` });
      const orphans = await db.query(
        `SELECT count(*) FROM "user" u WHERE u."isAnonymous" AND u."createdAt" >= $1
         AND NOT EXISTS (SELECT 1 FROM site_users s WHERE s.user_id = u.id)`,
        [since],
      );
      expect(orphans.rows[0].count).toBe('0');
    });

    it("closes better-auth's own anonymous sign-in: guests are made for a site only", async () => {
      const res = await fetch(`${t.url}/api/auth/sign-in/anonymous`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: t.url },
        body: '{}',
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        code: 'NOT_FOUND',
        message: 'Guests start with POST /api/sites/:siteId/guest on a site that allows guests.',
      });
      expect(res.headers.get('set-auth-token')).toBeNull();
    });
  });

  describe('a guest who signs up or in keeps their tasks and conversations', () => {
    it('sign-up: the new account has exactly the guest’s tasks and conversations, once; the guest is gone and its session replays to nothing', async () => {
      const site = await createSite(t, { identity: ['guests', 'accounts'] });
      const g = await busyGuest(site);
      const before = await rowsOf(db, g.id);
      const guestTasks = (await api(t.url, g.jwt).get('/api/tasks')).body.data;
      const guestConversations = (await api(t.url, g.jwt).get('/api/chat/conversations')).body.data;
      expect(guestConversations).toHaveLength(1);
      const guestMessages = (
        await api(t.url, g.jwt).get(`/api/chat/conversations/${guestConversations[0].id}/messages`)
      ).body.data;
      expect(guestMessages.map((m: any) => m.role)).toEqual(['user', 'assistant']);

      const email = `guest-${randomUUID()}@example.test`;
      const password = `pw-${randomUUID()}`;
      const up = await authAs('sign-up', { email, password, name: 'Gina' }, site.origin, g.session);
      expect(up.status).toBe(200);
      expect(up.body.user.id).not.toBe(g.id);
      expect(up.body.user.email).toBe(email);
      const accountId = up.body.user.id as string;
      const jwt = await exchangeForJwt(t.url, up.session!);
      const claims = decodeJwt(jwt).payload;
      expect(claims).toMatchObject({ sub: accountId, email });
      expect(claims).not.toHaveProperty('site'); // an account belongs to no site
      expect(claims).not.toHaveProperty('kind');

      const account = api(t.url, jwt);
      expect((await account.get('/api/tasks')).body.data).toEqual(guestTasks);
      expect((await account.get('/api/chat/conversations')).body.data).toEqual(guestConversations);
      expect(
        (await account.get(`/api/chat/conversations/${guestConversations[0].id}/messages`)).body.data,
      ).toEqual(guestMessages);
      // every row, column for column, now the account's: nothing copied twice, nothing left behind
      const after = await rowsOf(db, accountId);
      expect(withoutOwner(after)).toEqual(withoutOwner(before));
      expect(after.task_counters).toEqual([{ user_id: accountId, last_number: 3 }]);
      expect(await rowsOf(db, g.id)).toEqual({
        tasks: [],
        task_counters: [],
        chat_threads: [],
        chat_thread_items: [],
        user_settings: [],
      });
      expect(await userRowCount(g.id)).toBe(0);
      expect(await siteUserCount(site.id)).toBe(0);
      // the account goes on numbering after the guest's tasks
      expect((await account.post('/api/tasks', { title: 'After sign-up' })).body.id).toBe(4);

      // the guest session is dead: no token, and signing in again with it moves nothing
      const replay = await refresh(g.session);
      expect(replay.status).toBe(401);
      const snapshot = await rowsOf(db, accountId);
      const again = await authAs('sign-in', { email, password }, site.origin, g.session);
      expect(again.status).toBe(200);
      expect(again.body.user.id).toBe(accountId);
      expect(await rowsOf(db, accountId)).toEqual(snapshot);
      expect((await account.get('/api/tasks')).body.data.map((x: any) => x.id)).toEqual([1, 2, 3, 4]);
    });

    it('sign-in to an account with tasks: the guest’s tasks follow the account’s numbers (no collision), conversations move', async () => {
      const site = await createSite(t, { identity: ['guests', 'accounts'] });
      const owner = await signUp(t.url, 'Owner');
      const mine = api(t.url, owner.jwt);
      for (const title of ['Account one', 'Account two', 'Account three'])
        expect((await mine.post('/api/tasks', { title })).status).toBe(201);
      expect((await mine.delete('/api/tasks/3')).status).toBe(200); // the counter stays at 3
      const ownChat = await new ChatKitClient(t.url, owner.jwt).stream('threads.create', {
        input: userInput('show my tasks'),
      });
      expect(ownChat.status).toBe(200);
      const ownThreads = (await mine.get('/api/chat/conversations')).body.data.map((c: any) => c.id);

      const g = await busyGuest(site);
      const guestTasks = (await api(t.url, g.jwt).get('/api/tasks')).body.data;
      const guestThreads = (await api(t.url, g.jwt).get('/api/chat/conversations')).body.data.map(
        (c: any) => c.id,
      );

      const signIn = await authAs(
        'sign-in',
        { email: owner.email, password: owner.password },
        site.origin,
        g.session,
      );
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.id).toBe(owner.id);

      const tasks = (await mine.get('/api/tasks')).body.data;
      expect(tasks.map((x: any) => [x.id, x.title])).toEqual([
        [1, 'Account one'],
        [2, 'Account two'],
        [4, 'Water the plants'],
        [5, 'Call mom'],
        [6, 'Buy milk'],
      ]);
      // the guest's tasks keep every field but their number
      const strip = ({ id: _id, ...rest }: any) => rest;
      expect(tasks.slice(2).map(strip)).toEqual(guestTasks.map(strip));
      expect((await mine.post('/api/tasks', { title: 'Next one' })).body.id).toBe(7);

      const threads = (await mine.get('/api/chat/conversations')).body.data.map((c: any) => c.id);
      expect([...threads].sort()).toEqual([...ownThreads, ...guestThreads].sort());
      expect(await userRowCount(g.id)).toBe(0);
      expect((await refresh(g.session)).status).toBe(401);
    });

    it('two sign-ins at once with one guest session move the guest once', async () => {
      const site = await createSite(t, { identity: ['guests', 'accounts'] });
      const owner = await signUp(t.url, 'Owner');
      const g = await busyGuest(site);
      const body = { email: owner.email, password: owner.password };
      const answers = await Promise.all([
        authAs('sign-in', body, site.origin, g.session),
        authAs('sign-in', body, site.origin, g.session),
      ]);
      for (const a of answers) expect(a.status).toBe(200);
      const tasks = (await api(t.url, owner.jwt).get('/api/tasks')).body.data;
      expect(tasks.map((x: any) => [x.id, x.title])).toEqual([
        [1, 'Water the plants'],
        [2, 'Call mom'],
        [3, 'Buy milk'],
      ]);
      expect((await rowsOf(db, owner.id)).chat_threads).toHaveLength(1);
      expect(await userRowCount(g.id)).toBe(0);
    });
  });

  describe('idle guests', () => {
    it(`GuestSweeper deletes guests idle for GUEST_RETENTION_DAYS with their data; a guest who came back is kept`, async () => {
      const site = await createSite(t, { identity: ['guests'] });
      const idle = await busyGuest(site);
      const back = await busyGuest(site);
      const recent = await busyGuest(site);
      const idleThreads = (await api(t.url, idle.jwt).get('/api/chat/conversations')).body.data;
      expect(idleThreads).toHaveLength(1);
      await db.query(
        `UPDATE site_users SET last_seen_at = now() - make_interval(days => $2) WHERE user_id = ANY($1)`,
        [[idle.id, back.id], RETENTION_DAYS + 1],
      );
      await db.query(
        `UPDATE site_users SET last_seen_at = now() - make_interval(days => $2) WHERE user_id = $1`,
        [recent.id, RETENTION_DAYS - 1],
      );
      // `back` opens the widget again: its session gives a new token, which marks it as seen
      expect((await refresh(back.session)).status).toBe(200);

      const swept = await t.app.get(GuestSweeper).sweep();
      expect(swept).toBeGreaterThanOrEqual(1);

      expect(await userRowCount(idle.id)).toBe(0);
      expect(await rowsOf(db, idle.id)).toEqual({
        tasks: [],
        task_counters: [],
        chat_threads: [],
        chat_thread_items: [],
        user_settings: [],
      });
      const orphan = await db.query('SELECT count(*) FROM chat_threads WHERE id = $1', [idleThreads[0].id]);
      expect(Number(orphan.rows[0].count)).toBe(0);
      expect((await refresh(idle.session)).status).toBe(401);

      for (const kept of [back, recent]) {
        expect(await userRowCount(kept.id)).toBe(1);
        expect((await rowsOf(db, kept.id)).tasks).toHaveLength(3);
        expect((await refresh(kept.session)).status).toBe(200);
      }
      expect(await siteUserCount(site.id)).toBe(2);
      // a second sweep finds nothing more of this site's
      await t.app.get(GuestSweeper).sweep();
      expect(await siteUserCount(site.id)).toBe(2);
    });
  });
});
