import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import { SiteSecretBox } from '../../src/sites/site-secrets';
import { WebhooksService } from '../../src/webhooks/webhooks.service';
import { createSite, hostSession } from '../support/sites';
import { startTestApp, TestApp, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp } from '../support/users';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(60_000);

describe('webhooks of sites: task events as Standard Webhooks', () => {
  let t: TestApp;
  let pool: Pool;
  let hooks: WebhooksService;
  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_RETRY_DELAY_SECONDS: '1' });
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    hooks = new WebhooksService(pool, new SiteSecretBox(TEST_AUTH_SECRET), true);
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  it('a receiver that fails twice then succeeds gets the event three times, validly signed, with one webhook-id', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    receiver.statuses = [500, 503];
    const site = await createSite(t, { identity: ['host'] });
    const { id, secret } = await hooks.add(site.id, receiver.url, ['task.*']);
    expect(secret).toMatch(/^whsec_/);
    try {
      const user = await hostSession(t.url, site, 'customer-1', { name: 'Ada' });
      const created = (await api(t.url, user.jwt).post('/api/tasks', { title: 'Ship the order' })).body;
      await receiver.until(3);
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(1);
      for (const r of receiver.received) {
        const verified = new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
        expect(verified).toEqual({
          type: 'task.created',
          timestamp: expect.any(String),
          data: { id: expect.stringMatching(/^\d+$/), task: created },
        });
      }
      // Exponential backoff: the second wait is longer than the first.
      const [a, b, c] = receiver.received.map((r) => r.at);
      expect(c - b).toBeGreaterThan(b - a);
      const log = await hooks.deliveries(site.id);
      expect(log.map((d) => [d.webhook_id, d.attempt, d.status])).toEqual([
        [id, 3, 200],
        [id, 2, 503],
        [id, 1, 500],
      ]);
      // A forged or altered delivery does not verify.
      const altered = receiver.received[2].body.replace('Ship the order', 'Ship it elsewhere');
      expect(() =>
        new Webhook(secret).verify(altered, receiver.received[2].headers as Record<string, string>),
      ).toThrow();
    } finally {
      await receiver.stop();
    }
  });

  it("goes to the user's site only (accounts: the site default), and only the events asked for", async () => {
    const mine = new WebhookReceiver();
    const defaults = new WebhookReceiver();
    await mine.start();
    await defaults.start();
    const site = await createSite(t, { identity: ['host'] });
    await hooks.add(site.id, mine.url, ['task.deleted']);
    const defaultHook = await hooks.add('default', defaults.url);
    try {
      const host = await hostSession(t.url, site, 'customer-2');
      const task = (await api(t.url, host.jwt).post('/api/tasks', { title: 'Return the parcel' })).body;
      await api(t.url, host.jwt).delete(`/api/tasks/${task.id}`);
      await mine.until(1);
      const account = await signUp(t.url, 'Ava');
      await api(t.url, account.jwt).post('/api/tasks', { title: 'An account task' });
      await defaults.until(1);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(mine.received.map((r) => JSON.parse(r.body).type)).toEqual(['task.deleted']);
      expect(defaults.received.map((r) => JSON.parse(r.body).data.task.title)).toEqual(['An account task']);
    } finally {
      await hooks.remove('default', defaultHook.id);
      await mine.stop();
      await defaults.stop();
    }
  });

  it('a webhook failing for 24 hours is disabled (and its deliveries stop)', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    receiver.statuses = Array(20).fill(500);
    const site = await createSite(t, { identity: ['host'] });
    const { id } = await hooks.add(site.id, receiver.url);
    try {
      await pool.query(`UPDATE site_webhooks SET failing_since = now() - interval '25 hours' WHERE id = $1`, [
        id,
      ]);
      const user = await hostSession(t.url, site, 'customer-3');
      await api(t.url, user.jwt).post('/api/tasks', { title: 'Doomed delivery' });
      await receiver.until(1);
      const deadline = Date.now() + 5_000;
      while ((await hooks.list(site.id))[0].status !== 'disabled' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect((await hooks.list(site.id))[0].status).toBe('disabled');
      await new Promise((r) => setTimeout(r, 2_500));
      expect(receiver.received).toHaveLength(1); // no retry once disabled
    } finally {
      await receiver.stop();
    }
  });

  it('outside development: https to public addresses only (no SSRF through us)', async () => {
    const strict = new WebhooksService(pool, new SiteSecretBox(TEST_AUTH_SECRET), false);
    const site = await createSite(t, { identity: ['host'] });
    const refusals: Array<[string, string]> = [
      ['http://127.0.0.1:9/hooks', 'A webhook URL must be https (http only for localhost in development).'],
      [
        'https://127.0.0.1/hooks',
        'The webhook host 127.0.0.1 resolves to 127.0.0.1, a private, loopback or reserved address: webhooks go to public servers only.',
      ],
      ['https://localhost/hooks', 'The webhook host localhost resolves to'],
      ['https://10.1.2.3/hooks', 'The webhook host 10.1.2.3 resolves to 10.1.2.3'],
      ['https://169.254.169.254/latest', 'The webhook host 169.254.169.254 resolves to 169.254.169.254'],
      ['https://[::1]/hooks', 'The webhook host ::1 resolves to ::1'],
      ['https://[fd00::1]/hooks', 'The webhook host fd00::1 resolves to fd00::1'],
      ['https://user:pw@example.com/hooks', 'A webhook URL must not carry credentials.'],
      ['ftp://example.com/x', 'A webhook URL must be https (http only for localhost in development).'],
    ];
    for (const [url, message] of refusals) await expect(strict.add(site.id, url)).rejects.toThrow(message);
    await expect(strict.add(site.id, 'https://example.com/x', ['order.created'])).rejects.toThrow(
      'Unknown event "order.created"',
    );
    expect(await strict.list(site.id)).toEqual([]);
  });
});
