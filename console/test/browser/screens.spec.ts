import type { BrowserContext, Page } from 'playwright-core';
import {
  asConsole,
  axeFindings,
  COLOUR_RULES,
  ConsoleHarness,
  expectFocus,
  heading,
  newAccount,
  PHONE,
  screenshot,
  toastGone,
  type PageOptions,
} from '../support/harness';
import { ConnectedAppClient } from '../support/connected-app';
import { WebhookReceiver } from '../support/webhooks';

/**
 * Every screen of the console — the sign-in page, the sites list, adding a site, its result, a site's page, its
 * webhooks, the connected apps, not found — in light and dark, on a desktop and on a 360 px phone: axe-core finds nothing serious
 * or critical, nothing breaks the page's CSP, nothing is logged as an error. Each is saved as a screenshot.
 */
const h = new ConsoleHarness();
const app = new ConnectedAppClient();
const receiver = new WebhookReceiver();
const owner = newAccount('Ada Lovelace');
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  await h.start({ SITE_CREATION: 'anyone' });
  await app.start();
  await receiver.start();
  const context = await h.newContext();
  const page = await h.newPage(context);
  await h.signUp(page, owner);
  // A site from the start, so the list is not empty and every spec of this file has one to open.
  const made = await asConsole(page, 'POST', '/api/admin/sites', {
    name: 'Northwind',
    origins: ['https://northwind.example'],
    identity: ['host', 'guests'],
  });
  expect(made.status).toBe(201);
  // A webhook nobody answers, tested once: its log has a row with a long error (a phone must not scroll for it).
  const hooks = `/api/admin/sites/${made.body.id}/webhooks`;
  const hook = await asConsole(page, 'POST', hooks, { url: 'http://127.0.0.1:9/hooks' });
  expect(hook.status).toBe(201);
  expect((await asConsole(page, 'POST', `${hooks}/${hook.body.id}/test`)).body.status).toBeNull();
  // An app allowed at the consent page, so "Connected apps" has one to show.
  await app.connect(h.backend.url, page, 'Claude Desktop');
  signedIn = await context.storageState();
  await context.close();
});

afterAll(async () => {
  await h.stop();
  await app.stop();
  await receiver.stop();
});

afterEach(() => expect(h.takeProblems()).toEqual([]));

/**
 * One screen, light then dark (the same page, its colour scheme switched as a visitor's system would): axe with
 * every rule in light; in dark, where only the colours differ, its colour rules. A screenshot of each.
 */
async function checked(page: Page, name: string): Promise<void> {
  // No transitions: the colours axe reads are the scheme's, not those of halfway through switching.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  expect({ screen: `${name} (light)`, findings: await axeFindings(page) }).toEqual({
    screen: `${name} (light)`,
    findings: [],
  });
  // The status message of what was just done is part of the page axe checks, not of its picture.
  await toastGone(page);
  await screenshot(page, name.replace('-', '-light-'));
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  expect({ screen: `${name} (dark)`, findings: await axeFindings(page, COLOUR_RULES) }).toEqual({
    screen: `${name} (dark)`,
    findings: [],
  });
  await screenshot(page, name.replace('-', '-dark-'));
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: null });
}

/** Through every screen at this size, checking each. */
async function everyScreen(o: PageOptions, label: string): Promise<void> {
  const signedOut = await h.newContext(o);
  const login = await h.newPage(signedOut);
  await login.goto(h.consoleUrl);
  await login.waitForURL(/\/oauth\/login\?return=/);
  await login.getByRole('heading', { name: 'Sign in' }).waitFor();
  await checked(login, `${label}-0-sign-in`);
  await signedOut.close();

  const context = await h.newContext({ ...o, storageState: signedIn });
  const page = await h.newPage(context);
  await page.goto(h.consoleUrl);
  await heading(page).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
  await page.locator('console-sites').getByRole('status').waitFor({ state: 'detached' });
  await checked(page, `${label}-1-sites`);

  await page.goto(`${h.consoleUrl}#/new`);
  await page.getByRole('heading', { level: 1, name: 'Add a site' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(`Northwind ${label}`);
  await page
    .getByRole('textbox', { name: 'Origins' })
    .fill('https://northwind.example\nnorthwind.example/shop');
  await page.getByText('"northwind.example/shop" is not an origin', { exact: false }).waitFor();
  await checked(page, `${label}-2-add-a-site`);
  await page.getByRole('textbox', { name: 'Origins' }).fill('https://northwind.example');
  await page.getByRole('button', { name: 'Add site' }).click();
  await page.getByRole('heading', { level: 1, name: `Northwind ${label} is ready` }).waitFor();
  await checked(page, `${label}-3-result`);

  await page.getByRole('link', { name: 'Shape the assistant' }).click();
  await page.getByRole('heading', { level: 1, name: `Northwind ${label}` }).waitFor();
  await page
    .locator('console-widget-preview todo-assistant')
    .getByText('What should we get done today?')
    .waitFor();
  await page.getByLabel('Greeting', { exact: true }).fill('Ahoy! What can Northwind do for you?');
  await page.getByRole('button', { name: 'Add a prompt' }).click();
  await page.getByLabel('Button text of prompt 1').fill('Book a table');
  await page.getByLabel('Message of prompt 1').fill('Add a task to book a table for Friday');
  await page
    .locator('console-widget-preview todo-assistant')
    .getByRole('button', { name: 'Book a table' })
    .waitFor();
  // The charts are drawn when the usage section comes into view.
  await page.locator('console-site-usage').scrollIntoViewIfNeeded();
  await page.locator('console-site-usage canvas').first().waitFor();
  await page.locator('console-site-owners').getByText(owner.email).waitFor();
  await checked(page, `${label}-4-site`);

  // Its webhooks: one added (its signing secret shown once), a test event delivered, then one refused.
  await page.getByRole('link', { name: 'Webhooks' }).click();
  const webhooks = page.locator('console-site-webhooks');
  await page.getByLabel('Receiver URL').fill(receiver.url);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByRole('heading', { name: 'The signing secret of your new webhook' }).waitFor();
  const send = page.getByRole('button', { name: 'Send a test event' });
  await send.click();
  await webhooks.getByText(/^Test event delivered/).waitFor();
  receiver.statuses = [503];
  await send.click();
  await webhooks.getByText(/^Test event failed/).waitFor();
  await checked(page, `${label}-5-webhooks`);

  await page.getByRole('link', { name: 'Connected apps' }).click();
  await page.getByRole('heading', { level: 2, name: 'Claude Desktop' }).waitFor();
  await checked(page, `${label}-6-connected-apps`);

  await page.goto(`${h.consoleUrl}#/sites/no-such-site`);
  await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  await checked(page, `${label}-7-not-found`);
  await context.close();
}

it('desktop, light and dark', () => everyScreen({}, 'desktop'));
it('phone (360 px), light and dark', () => everyScreen({ phone: true }, 'phone'));

it('is served at /console/ with a strict CSP: nothing inline, hashed assets cached for a year', async () => {
  const bare = await fetch(`${h.backend.url}/console`, { redirect: 'manual' });
  expect([bare.status, bare.headers.get('location')]).toEqual([301, '/console/']);
  const res = await fetch(h.consoleUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const csp = res.headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
  ])
    expect(csp).toContain(directive);
  expect(csp).not.toMatch(/unsafe-|\*/);
  const page = await res.text();
  expect(page.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="\.\/assets\//.test(tag))).toBe(true);
  expect(page).not.toMatch(/<style|\sstyle=/);
  const entry = /src="\.\/(assets\/console-[\w-]+\.js)"/.exec(page)![1];
  const asset = await fetch(h.consoleUrl + entry);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
});

it('a phone shows no sideways scrolling on any screen', async () => {
  const context = await h.newContext({ phone: true, storageState: signedIn });
  const page = await h.newPage(context);
  await page.goto(h.consoleUrl);
  const site = (await page
    .getByRole('link', { name: /^Northwind/ })
    .first()
    .getAttribute('href'))!;
  const screens: Array<[string, string | RegExp]> = [
    ['#/', 'Sites'],
    ['#/new', 'Add a site'],
    [site, /^Northwind/],
    [`${site}/setup`, /^Set up Northwind/],
    ['#/apps', 'Connected apps'],
  ];
  for (const [hash, title] of screens) {
    await page.goto(h.consoleUrl + hash);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    if (hash === site) {
      await page.locator('console-widget-preview todo-assistant .header').waitFor();
      await page.locator('console-site-webhooks tbody tr').first().waitFor(); // the delivery log, filled
    }
    expect({ hash, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({
      hash,
      width: PHONE.width,
    });
  }
  await context.close();
});

it('is usable by keyboard: skip link, the heading of each new page, the tabs of the token route', async () => {
  const context = await h.newContext({ storageState: signedIn });
  const page = await h.newPage(context);
  await page.goto(h.consoleUrl);
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
  await page.keyboard.press('Tab');
  await expectFocus(page, 'button Skip to content');
  await page.keyboard.press('Enter');
  await expectFocus(page, 'h1 Sites');

  await page.getByRole('link', { name: 'Connected apps' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Connected apps' }).waitFor();
  await expectFocus(page, 'h1 Connected apps');
  // Disconnecting asks first; the focus goes to the question's answer, then back.
  await page.getByRole('button', { name: 'Disconnect', exact: true }).press('Enter');
  await expectFocus(page, 'button Disconnect Claude Desktop');
  await page.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expectFocus(page, 'button Disconnect');

  await page.goto(`${h.consoleUrl}#/`);
  await page
    .getByRole('link', { name: /^Northwind/ })
    .first()
    .press('Enter');
  await page.getByRole('link', { name: 'Snippet and token route' }).press('Enter');
  await page.getByRole('tab', { name: 'Node' }).focus();
  await page.keyboard.press('ArrowRight');
  await expectFocus(page, 'button Python');
  await expect(page.getByRole('tab', { name: 'Python' }).getAttribute('aria-selected')).resolves.toBe('true');
  await page.keyboard.press('End');
  await expectFocus(page, 'button PHP');
  await page.getByRole('button', { name: 'Copy the PHP token route' }).waitFor();
  await context.close();
});

it('disconnects a connected app: it is gone from the list', async () => {
  const context = await h.newContext({ storageState: signedIn });
  const page = await h.newPage(context);
  await page.goto(`${h.consoleUrl}#/apps`);
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByRole('button', { name: 'Disconnect Claude Desktop' }).click();
  await page.getByText('No connected apps').waitFor();
  await page.getByRole('status').getByText('Claude Desktop is disconnected.').waitFor();
  await context.close();
});
