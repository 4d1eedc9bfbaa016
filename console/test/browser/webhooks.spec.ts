import type { BrowserContext, Page } from 'playwright-core';
import {
  asConsole,
  axeFindings,
  clipboard,
  COLOUR_RULES,
  ConsoleHarness,
  elementScreenshot,
  expectFocus,
  newAccount,
  toastGone,
} from '../support/harness';
import { siteUserToken } from '../support/owner-site';
import { signedWith, WebhookReceiver } from '../support/webhooks';

/**
 * A site owner's webhooks, in Chromium against the built backend on a fresh PostgreSQL, with a local receiver
 * as the site's server: add one (the URL checked as typed, some events chosen), copy its signing secret once,
 * send a test event (the receiver gets it signed with that secret; the console shows how it went at once and in
 * the delivery log), a task change of the site's user arrives too, a webhook the backend disabled is enabled
 * again, and one is removed after a confirmation. The specs of this file follow one another.
 */
const h = new ConsoleHarness();
const receiver = new WebhookReceiver();
const owner = newAccount('Katherine Johnson');

let context: BrowserContext;
let page: Page;
let siteId = '';
let siteSecret = '';
let signingSecret = '';

beforeAll(async () => {
  await receiver.start();
  await h.start({ SITE_CREATION: 'anyone' });
  context = await h.newContext();
  page = await h.newPage(context);
  await h.signUp(page, owner);
  const made = await asConsole(page, 'POST', '/api/admin/sites', {
    name: 'Orbit shop',
    origins: ['https://orbit.example'],
    identity: ['host'],
  });
  expect(made.status).toBe(201);
  ({ id: siteId, secret: siteSecret } = made.body as { id: string; secret: string });
});

afterAll(async () => {
  await h.stop();
  await receiver.stop();
});

afterEach(() => expect(h.takeProblems()).toEqual([]));

const section = () => page.locator('console-site-webhooks');
const hooks = () => page.getByRole('list', { name: 'Webhooks of Orbit shop' });
/** The rows of the delivery log, newest first (the header row left out). */
const logRows = () => section().getByRole('group', { name: 'Deliveries' }).locator('tbody tr');
const toast = (text: string | RegExp) => page.locator('console-app').getByRole('status').getByText(text);

it('adds a webhook: the URL checked as typed, the events chosen, the signing secret shown once', async () => {
  await page.goto(`${h.consoleUrl}#/sites/${siteId}`);
  await page.getByRole('heading', { level: 1, name: 'Orbit shop' }).waitFor();
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expectFocus(page, 'h2 Webhooks');
  await section().getByText('No webhooks yet').waitFor();
  await section().getByText('No deliveries yet').waitFor();

  const url = page.getByLabel('Receiver URL');
  await url.fill('ftp://hooks.orbit.example/todo');
  await section()
    .getByText('A webhook URL must be https (http only for localhost in development).')
    .waitFor();
  await expect(url.getAttribute('aria-invalid')).resolves.toBe('true');
  await url.fill('https://ops:hunter2@hooks.orbit.example/todo');
  await section().getByText('A webhook URL must not carry credentials.').waitFor();
  await url.fill(receiver.url);
  await section().locator('.field-error').waitFor({ state: 'detached' });
  await expect(url.getAttribute('aria-invalid')).resolves.toBe('false');

  // Some events: none chosen is refused before anything is sent.
  await page.getByLabel('Only the events I choose').check();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await section().getByText('Choose at least one event, or every event.').waitFor();
  await expectFocus(page, 'input');
  await page.getByLabel('task.created').check();
  await page.getByLabel('task.completed').check();
  await page.getByRole('button', { name: 'Add webhook' }).click();

  await page.getByRole('heading', { name: 'The signing secret of your new webhook' }).waitFor();
  await expectFocus(page, 'h3 The signing secret of your new webhook');
  await toast('The webhook is added. Its signing secret is shown once: copy it now.').waitFor();
  await page.getByRole('button', { name: 'Copy the webhook signing secret' }).click();
  signingSecret = await clipboard(page);
  expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await hooks().getByText(receiver.url).waitFor();
  await hooks().getByText('task.created, task.completed', { exact: false }).waitFor();
  await expect(hooks().locator('.badge').innerText()).resolves.toBe('Active');
  // The form is ready for another: empty, every event.
  await expect(url.inputValue()).resolves.toBe('');
  await expect(page.getByLabel('Every task event').isChecked()).resolves.toBe(true);
  await toastGone(page);
  await elementScreenshot(page, section(), 'webhooks-1-added');

  await page.getByRole('button', { name: 'I stored it' }).click();
  await expect(page.getByText(signingSecret).count()).resolves.toBe(0);
  await expectFocus(page, `button Send a test event to ${receiver.url}`);
  const listed = await asConsole(page, 'GET', `/api/admin/sites/${siteId}/webhooks`);
  expect(listed.body).toEqual([
    expect.objectContaining({ url: receiver.url, events: ['task.created', 'task.completed'] }),
  ]);
  expect(JSON.stringify(listed.body)).not.toContain(signingSecret);
});

it('sends a test event: the receiver gets it signed with that secret; the result shows at once and in the log', async () => {
  await page.getByRole('button', { name: 'Send a test event' }).click();
  const delivered = /^Test event delivered: your server answered HTTP 200 in \d+ ms\.$/;
  await hooks().getByText(delivered).waitFor();
  await toast(delivered).waitFor();
  expect(receiver.received).toHaveLength(1);
  const [test] = receiver.received;
  expect(signedWith(signingSecret, test)).toBe(true);
  expect(signedWith(`whsec_${Buffer.alloc(32).toString('base64')}`, test)).toBe(false);
  expect(JSON.parse(test.body)).toEqual({
    type: 'webhook.test',
    timestamp: expect.any(String),
    data: { webhook_id: expect.stringMatching(/^wh_/), site_id: siteId },
  });
  await expect(logRows().count()).resolves.toBe(1);
  await expect(logRows().first().innerText()).resolves.toMatch(/webhook\.test\s+HTTP 200\s+1\s+\d+ ms/);

  // The receiver fails: said at once, and a failed row on top of the log.
  receiver.statuses = [500];
  await page.getByRole('button', { name: 'Send a test event' }).click();
  await hooks()
    .getByText(/^Test event failed: your server answered HTTP 500 in \d+ ms\.$/)
    .waitFor();
  await expect(logRows().count()).resolves.toBe(2);
  await expect(logRows().first().locator('.badge.fail').innerText()).resolves.toBe('HTTP 500');
  // A test does not count toward disabling the webhook.
  await expect(hooks().locator('.badge').innerText()).resolves.toBe('Active');
});

it("a task change of the site's user arrives at the receiver too, and shows in the log on refresh", async () => {
  const jwt = await siteUserToken(h.backend.url, siteId, siteSecret);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${h.backend.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await call('POST', '/api/tasks', { title: 'Fuel the rocket' });
  expect(created.status).toBe(201);
  const task = (await created.json()) as { id: number };
  await receiver.until(3);
  // Not asked for: a change of the title. Asked for: its completion.
  expect((await call('PATCH', `/api/tasks/${task.id}`, { title: 'Fuel the rocket (LOX)' })).status).toBe(200);
  expect((await call('PATCH', `/api/tasks/${task.id}/complete`)).status).toBe(200);
  await receiver.until(4);
  const events = receiver.received.slice(2);
  expect(events.map((r) => signedWith(signingSecret, r))).toEqual([true, true]);
  expect(
    events.map((r) => JSON.parse(r.body) as { type: string; data: { task: { title: string } } }),
  ).toEqual([
    expect.objectContaining({
      type: 'task.created',
      data: expect.objectContaining({ task: expect.objectContaining({ title: 'Fuel the rocket' }) }),
    }),
    expect.objectContaining({ type: 'task.completed' }),
  ]);

  await page.getByRole('button', { name: 'Refresh' }).click();
  await toast('Deliveries refreshed: 4 attempts.').waitFor();
  await expect(logRows().count()).resolves.toBe(4);
  const rows = await logRows().allInnerTexts();
  expect(rows[0]).toMatch(/task\.completed\s+HTTP 200\s+1\s/);
  expect(rows[1]).toMatch(/task\.created\s+HTTP 200\s+1\s/);
  await toastGone(page);
  await elementScreenshot(page, section(), 'webhooks-2-log');
});

it('enables again a webhook the backend disabled after a day of failures', async () => {
  await h.backend.sql(
    `UPDATE site_webhooks SET status = 'disabled', failing_since = now() - interval '25 hours' WHERE site_id = $1`,
    [siteId],
  );
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
  await hooks().getByText('Disabled: its deliveries failed for 24 hours', { exact: false }).waitFor();
  await expect(hooks().locator('.badge').innerText()).resolves.toBe('Disabled');
  await section().scrollIntoViewIfNeeded();
  await elementScreenshot(page, section(), 'webhooks-3-disabled');
  // The disabled state, light and dark, as axe reads it.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  expect(await axeFindings(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  expect(await axeFindings(page, COLOUR_RULES)).toEqual([]);
  await elementScreenshot(page, section(), 'webhooks-3-disabled-dark');
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: null });

  await page.getByRole('button', { name: `Enable the webhook to ${receiver.url}` }).click();
  await toast(`The webhook to ${receiver.url} is active again.`).waitFor();
  await expect(hooks().locator('.badge').innerText()).resolves.toBe('Active');
  await expect(hooks().getByText('Disabled:', { exact: false }).count()).resolves.toBe(0);
  await expectFocus(page, `button Send a test event to ${receiver.url}`);
  const [hook] = (await asConsole(page, 'GET', `/api/admin/sites/${siteId}/webhooks`)).body as Array<{
    status: string;
    failing_since: string | null;
  }>;
  expect(hook).toMatchObject({ status: 'active', failing_since: null });
});

it('removes a webhook after a confirmation (Cancel keeps it); its log goes with it', async () => {
  const removeStart = page.getByRole('button', { name: `Remove the webhook to ${receiver.url}` });
  await removeStart.click();
  await expectFocus(page, 'button Remove the webhook');
  await section().getByRole('button', { name: 'Cancel' }).click();
  await expectFocus(page, `button Remove the webhook to ${receiver.url}`);
  await hooks().getByText(receiver.url).waitFor();

  await removeStart.click();
  await page.getByRole('button', { name: 'Remove the webhook', exact: true }).click();
  await toast(`The webhook to ${receiver.url} is removed.`).waitFor();
  await section().getByText('No webhooks yet').waitFor();
  await section().getByText('No deliveries yet').waitFor();
  await expectFocus(page, 'input');
  expect((await asConsole(page, 'GET', `/api/admin/sites/${siteId}/webhooks`)).body).toEqual([]);
  // Nothing more reaches the receiver.
  const before = receiver.received.length;
  const jwt = await siteUserToken(h.backend.url, siteId, siteSecret);
  await fetch(`${h.backend.url}/api/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'After the removal' }),
  });
  await new Promise((r) => setTimeout(r, 1_500));
  expect(receiver.received).toHaveLength(before);
});

it('on a phone: the section fits, and the log scrolls inside its own box', async () => {
  const phone = await h.newContext({ phone: true, storageState: await context.storageState() });
  const p = await h.newPage(phone);
  await p.goto(`${h.consoleUrl}#/sites/${siteId}/webhooks`);
  // One webhook that cannot be reached: a long error in the log.
  const closed = await asConsole(p, 'POST', `/api/admin/sites/${siteId}/webhooks`, {
    url: 'http://127.0.0.1:9/hooks',
  });
  expect(closed.status).toBe(201);
  await asConsole(p, 'POST', `/api/admin/sites/${siteId}/webhooks/${closed.body.id}/test`);
  await p.reload();
  await p.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
  await p.locator('console-site-webhooks tbody tr').first().waitFor();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  await elementScreenshot(p, p.locator('console-site-webhooks'), 'webhooks-4-phone');
  await p.emulateMedia({ colorScheme: 'dark' });
  await elementScreenshot(p, p.locator('console-site-webhooks'), 'webhooks-4-phone-dark');
  await phone.close();
});
