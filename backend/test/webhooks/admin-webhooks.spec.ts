import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { newGuest } from '../support/guest-requests';
import { hostSession, uniqueOrigin } from '../support/sites';
import { freePort, startTestApp, TestApp } from '../support/test-app';
import { connectTestDb } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(60_000);

const NOT_FOR_SITE_USERS = "Sites are managed by accounts, not by a site's users or guests.";
const EVENTS = 'task.created, task.updated, task.completed, task.deleted, task.due';

type Api = ReturnType<typeof api>;

/**
 * `/api/admin/sites/:id/webhooks…` (the console's Webhooks section): add (the secret once), list (never a
 * secret), test (a signed `webhook.test` now, logged, not counted toward disabling), enable, remove, and the
 * delivery log — for the accounts that manage the site, on real PostgreSQL through real HTTP, with a local
 * receiver verifying signatures with the standardwebhooks library. Another owner gets 404 on every route; a
 * site's users and guests 403; the session cookie alone 401; bad input a 400 saying what is wrong.
 */
describe('admin webhooks API', () => {
  let t: TestApp;
  let db: Client;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let asAlice: Api;
  let asBob: Api;
  const receiver = new WebhookReceiver();
  const adminEmail = `admin-${randomUUID()}@example.test`;

  beforeAll(async () => {
    t = await startTestApp({
      SITE_CREATION: 'anyone',
      ADMIN_EMAILS: adminEmail,
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
    });
    db = await connectTestDb();
    await receiver.start();
    [alice, bob, admin] = await Promise.all([
      signUp(t.url, 'Alice'),
      signUp(t.url, 'Bob'),
      signUp(t.url, 'Admin', adminEmail),
    ]);
    asAlice = api(t.url, alice.jwt);
    asBob = api(t.url, bob.jwt);
  });
  afterAll(async () => {
    await receiver.stop();
    await db.end();
    await t.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.statuses = [];
  });

  /** A site of this owner (201): its id, secret and origin. */
  async function siteOf(as: Api) {
    const origin = uniqueOrigin('hooks');
    const res = await as.post('/api/admin/sites', {
      name: 'Hooked shop',
      origins: [origin],
      identity: ['host', 'guests'],
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return { id: res.body.id as string, secret: res.body.secret as string, origin };
  }

  const hooksOf = (siteId: string) => `/api/admin/sites/${siteId}/webhooks`;
  const badRequest = (message: string) => ({ error: { code: 'invalid_input', message } });

  it('adds a webhook (201, the secret once), lists it without secrets, and removes it (204) with its log', async () => {
    const site = await siteOf(asAlice);
    const added = await asAlice.post(hooksOf(site.id), { url: receiver.url, events: ['task.created'] });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.stringMatching(/^wh_[A-Za-z0-9_-]{12}$/),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      webhook: {
        id: added.body.id,
        site_id: site.id,
        url: receiver.url,
        events: ['task.created'],
        status: 'active',
        failing_since: null,
        created_at: expect.any(String),
      },
    });
    const sealed = (await db.query('SELECT secret FROM site_webhooks WHERE id = $1', [added.body.id])).rows[0]
      .secret as string;
    expect(sealed).not.toContain(added.body.secret.slice(6)); // sealed at rest

    // Without events: every task event.
    const every = await asAlice.post(hooksOf(site.id), { url: `${receiver.url}/all` });
    expect(every.status).toBe(201);
    expect(every.body.webhook.events).toEqual([]);

    const list = await asAlice.get(hooksOf(site.id));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([added.body.webhook, every.body.webhook]);
    for (const secret of [added.body.secret, every.body.secret, sealed])
      expect(list.text).not.toContain(secret);
    expect(list.text).not.toMatch(/"secret"/);

    await asAlice.post(`${hooksOf(site.id)}/${added.body.id}/test`);
    expect((await asAlice.get(`${hooksOf(site.id)}/deliveries`)).body).toHaveLength(1);
    const removed = await asAlice.delete(`${hooksOf(site.id)}/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect((await asAlice.get(hooksOf(site.id))).body).toEqual([every.body.webhook]);
    expect((await asAlice.get(`${hooksOf(site.id)}/deliveries`)).body).toEqual([]);
    const again = await asAlice.delete(`${hooksOf(site.id)}/${added.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      error: { code: 'not_found', message: `The site ${site.id} has no webhook "${added.body.id}".` },
    });
  });

  it('sends a test event now: signed like a delivery (it verifies with the secret), answered and logged', async () => {
    const site = await siteOf(asAlice);
    const { body: hook } = await asAlice.post(hooksOf(site.id), { url: receiver.url });
    const path = `${hooksOf(site.id)}/${hook.id}/test`;

    const ok = await asAlice.post(path);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      webhook_id: hook.id,
      message_id: expect.stringMatching(/^msg_test_/),
      event_type: 'webhook.test',
      attempt: 1,
      status: 200,
      error: null,
      duration_ms: expect.any(Number),
      at: expect.any(String),
    });
    // Answered once delivered: the receiver has it already.
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': ok.body.message_id,
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'webhook-signature': expect.stringMatching(/^v1,/),
    });
    expect(new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toEqual({
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { webhook_id: hook.id, site_id: site.id },
    });
    // Another secret does not verify it.
    const other = await asAlice.post(hooksOf(site.id), { url: `${receiver.url}/other` });
    expect(() =>
      new Webhook(other.body.secret).verify(got.body, got.headers as Record<string, string>),
    ).toThrow();

    // A failing receiver: the answer says how; a webhook failing for 25 hours is not disabled by a test.
    await db.query(`UPDATE site_webhooks SET failing_since = now() - interval '25 hours' WHERE id = $1`, [
      hook.id,
    ]);
    receiver.statuses = [503];
    const failed = await asAlice.post(path);
    expect(failed.body).toMatchObject({ event_type: 'webhook.test', status: 503, error: 'HTTP 503' });
    const [after] = (await asAlice.get(hooksOf(site.id))).body;
    expect(after).toMatchObject({ id: hook.id, status: 'active', failing_since: expect.any(String) });

    // An unreachable receiver: no status, the error.
    const closed = `http://127.0.0.1:${await freePort()}/hooks`;
    const gone = await asAlice.post(hooksOf(site.id), { url: closed });
    const refused = await asAlice.post(`${hooksOf(site.id)}/${gone.body.id}/test`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: null, error: expect.stringMatching(/ECONNREFUSED/) });

    // The log, newest first, and ?limit.
    const log = await asAlice.get(`${hooksOf(site.id)}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.map((d: any) => [d.webhook_id, d.event_type, d.status, d.error])).toEqual([
      [gone.body.id, 'webhook.test', null, refused.body.error],
      [hook.id, 'webhook.test', 503, 'HTTP 503'],
      [hook.id, 'webhook.test', 200, null],
    ]);
    expect(log.body[2]).toEqual(ok.body);
    expect((await asAlice.get(`${hooksOf(site.id)}/deliveries?limit=1`)).body).toEqual([log.body[0]]);
    // Tests are not retried.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(2);
  });

  it("a task change of one of the site's users arrives at the webhook and shows in the log", async () => {
    const site = await siteOf(asAlice);
    const { body: hook } = await asAlice.post(hooksOf(site.id), { url: receiver.url, events: ['task.*'] });
    const user = await hostSession(t.url, site, 'customer-1');
    const task = await api(t.url, user.jwt).post(
      '/api/tasks',
      { title: 'Pack the order' },
      { origin: site.origin },
    );
    expect(task.status).toBe(201);
    await receiver.until(1);
    const [got] = receiver.received;
    expect(new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({
      type: 'task.created',
      data: { task: { title: 'Pack the order' } },
    });
    const deadline = Date.now() + 5_000;
    let log = (await asAlice.get(`${hooksOf(site.id)}/deliveries`)).body;
    while (log.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      log = (await asAlice.get(`${hooksOf(site.id)}/deliveries`)).body;
    }
    expect(log).toEqual([
      expect.objectContaining({
        webhook_id: hook.id,
        message_id: got.headers['webhook-id'],
        event_type: 'task.created',
        attempt: 1,
        status: 200,
        error: null,
      }),
    ]);
  });

  it('enables a disabled webhook: active again, its failures forgotten', async () => {
    const site = await siteOf(asAlice);
    const { body: hook } = await asAlice.post(hooksOf(site.id), { url: receiver.url });
    await db.query(
      `UPDATE site_webhooks SET status = 'disabled', failing_since = now() - interval '30 hours' WHERE id = $1`,
      [hook.id],
    );
    expect((await asAlice.get(hooksOf(site.id))).body[0]).toMatchObject({
      status: 'disabled',
      failing_since: expect.any(String),
    });
    const enabled = await asAlice.post(`${hooksOf(site.id)}/${hook.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toEqual({ ...hook.webhook, status: 'active', failing_since: null });
    expect((await asAlice.get(hooksOf(site.id))).body).toEqual([enabled.body]);
  });

  it('refuses bad input with a 400 saying what is wrong (or 404 for what names nothing), never a 500', async () => {
    const site = await siteOf(asAlice);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'url must be a string: the https URL of your receiver'],
      [{ url: 42 }, 'url must be a string: the https URL of your receiver'],
      [{ url: `https://example.com/${'x'.repeat(2_000)}` }, 'url must be at most 2000 characters'],
      [{ url: 'not a url' }, '"not a url" is not a URL.'],
      [
        { url: 'ftp://example.com/x' },
        'A webhook URL must be https (http only for localhost in development).',
      ],
      [
        { url: 'http://example.com/x' },
        'A webhook URL must be https (http only for localhost in development).',
      ],
      [{ url: 'http://user:pw@localhost/x' }, 'A webhook URL must not carry credentials.'],
      [
        { url: 'https://10.1.2.3/hooks' },
        'The webhook host 10.1.2.3 resolves to 10.1.2.3, a private, loopback or reserved address: webhooks go to public servers only.',
      ],
      [{ url: receiver.url, events: 'task.created' }, 'events must be an array of event types'],
      [{ url: receiver.url, events: [7] }, 'each event must be a string such as task.created'],
      [
        { url: receiver.url, events: ['order.created'] },
        `Unknown event "order.created": use task.* or any of ${EVENTS}.`,
      ],
      [{ url: receiver.url, events: ['task.'] }, `Unknown event "task.": use task.* or any of ${EVENTS}.`],
      [
        { url: receiver.url, events: Array.from({ length: 21 }, () => 'task.created') },
        'events must list at most 20 event types',
      ],
      [{ url: receiver.url, secret: 'whsec_mine' }, 'property secret should not exist'],
    ];
    for (const [body, message] of cases) {
      const res = await asAlice.post(hooksOf(site.id), body);
      expect({ body, status: res.status, answer: res.body }).toEqual({
        body,
        status: 400,
        answer: badRequest(message),
      });
    }
    const notJson = await asAlice.post(hooksOf(site.id), '{"url":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect((await asAlice.get(hooksOf(site.id))).body).toEqual([]); // nothing was added

    for (const limit of ['0', '1001', 'abc', '1.5', '']) {
      const res = await asAlice.get(`${hooksOf(site.id)}/deliveries?limit=${limit}`);
      expect({ limit, status: res.status, answer: res.body }).toEqual({
        limit,
        status: 400,
        answer: badRequest('limit must be a whole number from 1 to 1000'),
      });
    }

    // Ids that name nothing: 404, whatever they hold.
    for (const hookId of ['wh_nothing0000', 'not-a-webhook', '%00', 'x'.repeat(300)]) {
      for (const res of [
        await asAlice.delete(`${hooksOf(site.id)}/${hookId}`),
        await asAlice.post(`${hooksOf(site.id)}/${hookId}/enable`),
        await asAlice.post(`${hooksOf(site.id)}/${hookId}/test`),
      ]) {
        expect({ hookId, status: res.status, code: res.body.error.code }).toEqual({
          hookId,
          status: 404,
          code: 'not_found',
        });
      }
    }
    for (const siteId of ['no-such-site', '%00']) {
      const res = await asAlice.get(hooksOf(siteId));
      expect({ siteId, status: res.status, code: res.body.error.code }).toEqual({
        siteId,
        status: 404,
        code: 'not_found',
      });
    }
  });

  it("another owner's site or webhook is not found on every route; an admin manages it", async () => {
    const aliceSite = await siteOf(asAlice);
    const bobSite = await siteOf(asBob);
    const { body: hook } = await asAlice.post(hooksOf(aliceSite.id), { url: receiver.url });
    const theirs = hooksOf(aliceSite.id);
    const noSite = { error: { code: 'not_found', message: `There is no site "${aliceSite.id}".` } };
    for (const [route, res] of [
      ['list', await asBob.get(theirs)],
      ['add', await asBob.post(theirs, { url: `${receiver.url}/bob` })],
      ['deliveries', await asBob.get(`${theirs}/deliveries`)],
      ['test', await asBob.post(`${theirs}/${hook.id}/test`)],
      ['enable', await asBob.post(`${theirs}/${hook.id}/enable`)],
      ['remove', await asBob.delete(`${theirs}/${hook.id}`)],
    ] as const)
      expect({ route, status: res.status, body: res.body }).toEqual({ route, status: 404, body: noSite });
    // Alice's webhook under Bob's own site: not his either.
    const noHook = {
      error: { code: 'not_found', message: `The site ${bobSite.id} has no webhook "${hook.id}".` },
    };
    const mine = hooksOf(bobSite.id);
    for (const [route, res] of [
      ['test', await asBob.post(`${mine}/${hook.id}/test`)],
      ['enable', await asBob.post(`${mine}/${hook.id}/enable`)],
      ['remove', await asBob.delete(`${mine}/${hook.id}`)],
    ] as const)
      expect({ route, status: res.status, body: res.body }).toEqual({ route, status: 404, body: noHook });
    expect((await asBob.get(mine)).body).toEqual([]);
    expect((await asBob.get(`${mine}/deliveries`)).body).toEqual([]);

    // Nothing was sent or changed.
    expect(receiver.received).toEqual([]);
    expect((await asAlice.get(theirs)).body).toEqual([hook.webhook]);

    // An account in ADMIN_EMAILS manages every site's webhooks.
    const asAdmin = api(t.url, admin.jwt);
    expect((await asAdmin.get(theirs)).body).toEqual([hook.webhook]);
    expect((await asAdmin.post(`${theirs}/${hook.id}/test`)).body.status).toBe(200);
  });

  it("refuses a site's users and guests (403), no token (401) and the session cookie alone (401)", async () => {
    const site = await siteOf(asAlice);
    const { body: hook } = await asAlice.post(hooksOf(site.id), { url: receiver.url });
    const host = await hostSession(t.url, site, 'customer-9');
    const guest = await newGuest(t.url, site);
    const path = hooksOf(site.id);
    for (const [who, jwt] of [
      ['host', host.jwt],
      ['guest', guest.jwt],
    ] as const) {
      const as = api(t.url, jwt);
      for (const [route, res] of [
        ['list', await as.get(path)],
        ['add', await as.post(path, { url: `${receiver.url}/theirs` })],
        ['deliveries', await as.get(`${path}/deliveries`)],
        ['test', await as.post(`${path}/${hook.id}/test`)],
        ['enable', await as.post(`${path}/${hook.id}/enable`)],
        ['remove', await as.delete(`${path}/${hook.id}`)],
      ] as const)
        expect({ who, route, status: res.status, body: res.body }).toEqual({
          who,
          route,
          status: 403,
          body: { error: { code: 'forbidden', message: NOT_FOR_SITE_USERS } },
        });
    }
    expect((await api(t.url).get(path)).status).toBe(401);
    expect((await api(t.url).post(path, { url: `${receiver.url}/anon` })).status).toBe(401);

    // The session cookie of Alice's browser, sent by a page elsewhere: refused (bearer tokens only: no CSRF).
    const signIn = await fetch(`${t.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body: JSON.stringify({ email: alice.email, password: alice.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toMatch(/session_token=/);
    for (const [method, route, body] of [
      ['POST', path, { url: `${receiver.url}/forged` }],
      ['POST', `${path}/${hook.id}/test`, undefined],
      ['DELETE', `${path}/${hook.id}`, undefined],
    ] as const) {
      const res = await fetch(`${t.url}${route}`, {
        method,
        headers: { cookie, origin: 'https://evil.example.test', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect({ method, route, status: res.status }).toEqual({ method, route, status: 401 });
    }
    expect((await asAlice.get(path)).body).toEqual([hook.webhook]);
    expect(receiver.received).toEqual([]);
  });
});
