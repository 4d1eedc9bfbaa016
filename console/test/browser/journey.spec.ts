import type { BrowserContext, Page } from 'playwright-core';
import { hostEvents, say, widget } from '@todo-assistant/testing';
import {
  asConsole,
  ConsoleHarness,
  clipboard,
  expectFocus,
  heading,
  newAccount,
  screenshot,
  toastGone,
} from '../support/harness';
import { exchange, hostToken, OwnerSite, SITE_USER } from '../support/owner-site';
import { readmePicture } from '../support/readme-picture';

/**
 * The journey of a new site owner, in Chromium against the built backend on a fresh PostgreSQL: sign up on the
 * sign-in page, add a site, copy the snippet and the Node token route into a website of their own (its own origin,
 * its own tiny server and login), where the widget knows the site's signed-in user and adds a task; then shape the
 * assistant in the console and see it on that page, watch the usage, rotate and revoke the secret, find that
 * another account can neither see nor change the site until it is made an owner, disable, and delete.
 * The specs of this file follow one another, as the owner's day does.
 */
const h = new ConsoleHarness();
const acme = new OwnerSite();
const owner = newAccount('Ada Lovelace');
const admin = newAccount('Margaret Hamilton');

let consoleContext: BrowserContext;
let page: Page;
let hostContext: BrowserContext;
let host: Page;
let siteId = '';
let secret = '';

const ACCENT = '#0f766e';
const ACCENT_RGB = 'rgb(15, 118, 110)';
const GREETING = 'Welcome to Acme! What should we get done?';

beforeAll(async () => {
  await acme.reserve();
  await h.start({ SITE_CREATION: 'anyone', ADMIN_EMAILS: admin.email });
  consoleContext = await h.newContext();
  page = await h.newPage(consoleContext);
  hostContext = await h.newContext();
  host = await h.newPage(hostContext);
});

afterAll(async () => {
  await acme.stop();
  await h.stop();
});

afterEach(() => expect(h.takeProblems()).toEqual([]));

/** The preview widget's start screen (inside its shadow root). */
const preview = () => page.locator('console-widget-preview todo-assistant');

it('signs up on the sign-in page and lands on an empty sites list', async () => {
  await h.signUp(page, owner);
  await page.getByRole('heading', { level: 1, name: 'Sites', exact: true }).waitFor();
  await expect(heading(page).innerText()).resolves.toBe('Sites');
  await page.getByText('No sites yet').waitFor();
  await page.getByText(owner.email).waitFor();
  await expect(page.title()).resolves.toBe('Sites — Todo Assistant console');
});

it('adds a site: the origins are checked as they are typed, the result shows the secret once and the code to paste', async () => {
  await page.getByRole('link', { name: 'Add your first site' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a site', exact: true }).waitFor(); // rendered after the route changed: wait
  await expect(heading(page).innerText()).resolves.toBe('Add a site');
  await expectFocus(page, 'h1 Add a site'); // the new page's heading has the focus

  await page.getByLabel('Name', { exact: true }).fill('Acme shop');
  const origins = page.getByRole('textbox', { name: 'Origins' });
  await origins.fill('acme.example');
  await page.getByText('"acme.example" is not an origin: write it as https://shop.example.com.').waitFor();
  await origins.fill(`${acme.url}/checkout`);
  await page.getByText(`did you mean ${acme.url}?`, { exact: false }).waitFor();
  await origins.fill('*');
  await page.getByText('"*" cannot be an origin of a site', { exact: false }).waitFor();
  await origins.fill(`${acme.url}\nhttps://*.acme.example`);
  await page.getByRole('list', { name: 'Allowed origins' }).getByText(acme.url).waitFor();
  await expect(origins.getAttribute('aria-invalid')).resolves.toBe('false');
  // Host users are on by default; guests too, for visitors who have no account.
  await expect(page.getByLabel("Your site's signed-in users").isChecked()).resolves.toBe(true);
  await page.getByLabel('Guests').check();
  await screenshot(page, 'journey-1-add-a-site');
  await page.getByRole('button', { name: 'Add site' }).click();

  await page.waitForURL(/#\/sites\/site_[a-z0-9]{8}\/setup$/);
  siteId = /#\/sites\/([^/]+)\/setup/.exec(page.url())![1];
  await page.getByRole('heading', { level: 1, name: 'Acme shop is ready', exact: true }).waitFor();
  await expect(heading(page).innerText()).resolves.toBe('Acme shop is ready');
  await page.getByRole('status').getByText('Acme shop is added.').waitFor();

  await page.getByRole('button', { name: 'Copy the site secret' }).click();
  secret = await clipboard(page);
  expect(secret).toMatch(/^tas_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy the script tag' }).click();
  const snippet = await clipboard(page);
  expect(snippet).toContain(`data-site="${siteId}"`);
  expect(snippet).toContain(`src="${h.backend.url}/widget/todo-assistant.js"`);
  // The token route in three languages, each with its own copy button; Node is shown first.
  for (const lang of ['Python', 'PHP', 'Node']) {
    await page.getByRole('tab', { name: lang }).click();
    await page.getByRole('button', { name: `Copy the ${lang} token route` }).waitFor();
  }
  await page.getByRole('button', { name: 'Copy the Node token route' }).click();
  const tokenRoute = await clipboard(page);
  expect(tokenRoute).toContain(`.setAudience('${siteId}')`);
  await screenshot(page, 'journey-2-result');

  await page.getByRole('button', { name: 'I stored it' }).click();
  await page.getByText('Secret stored, and hidden for good.').waitFor();
  await expect(page.getByText(secret).count()).resolves.toBe(0);

  // What the owner does with it: the tag into their page, the route into their server, the secret into its env.
  await acme.start({ snippet, tokenRoute, secret });
});

it("on the owner's own site, the widget knows the site's signed-in user (no form) and adds a task", async () => {
  await host.goto(`${acme.url}/login`); // the site's own login, then its home page
  await host.waitForURL(`${acme.url}/`);
  const w = widget(host);
  await w.locator('button.launcher').click();
  await w.getByLabel('Message').waitFor();
  await expect(w.locator('todo-assistant-sign-in').count()).resolves.toBe(0);
  const signedIn = (await hostEvents(host)).find((e) => e.type === 'todo-assistant-auth-change');
  expect(signedIn?.detail).toMatchObject({ signedIn: true, user: { name: SITE_USER.name } });
  await expect(say(host, 'add buy oat milk')).resolves.toMatch(/oat milk/i);
  await screenshot(host, 'journey-3-owner-site');

  // The task is the site user's: the site's server reads it back with its secret.
  const res = await fetch(`${h.backend.url}/api/sites/${siteId}/users/${SITE_USER.id}/export`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toMatch(/buy oat milk/i);
});

it('a greeting and an accent changed in the console show in the live preview, and on the site after a reload', async () => {
  await page.getByRole('link', { name: 'Shape the assistant' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acme shop' }).waitFor();
  await expectFocus(page, 'h1 Acme shop');
  await preview().getByText('What should we get done today?').waitFor(); // the widget's own default

  await page.getByLabel('Greeting', { exact: true }).fill(GREETING);
  await page.getByLabel('Accent colour', { exact: true }).fill(ACCENT);
  await page.getByLabel('Heading', { exact: true }).fill('Acme helper');
  await preview().getByRole('heading', { name: GREETING }).waitFor();
  await preview().getByRole('heading', { name: 'Acme helper' }).waitFor();
  await waitForColour(page, ACCENT_RGB);
  await page.getByRole('button', { name: 'Save appearance' }).click();
  await page.getByRole('status').getByText('Appearance saved', { exact: false }).waitFor();
  await toastGone(page);
  await page.evaluate(() => scrollTo(0, 0));
  await screenshot(page, 'journey-4-site-page', false);
  await screenshot(page, 'journey-4-site-page-full');

  await host.reload();
  const w = widget(host);
  await w.locator('button.launcher').click();
  // The conversation of before is back; a new one shows the site's greeting.
  await w.getByRole('button', { name: 'New', exact: true }).click();
  await w.getByRole('heading', { name: GREETING }).waitFor();
  await expect(w.locator('.header').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
    ACCENT_RGB,
  );
  await expect(w.locator('#title').innerText()).resolves.toBe('Acme helper');
  await screenshot(host, 'journey-5-owner-site-after-reload');
});

it('shows the usage of 30 days as charts (loaded on use) with tables of the same numbers; the list, 7 days', async () => {
  const chartChunk = page.waitForRequest(/\/console\/assets\/chart-[\w-]+\.js$/);
  await page.getByRole('link', { name: 'Usage' }).click();
  await expectFocus(page, 'h2 Usage');
  await chartChunk;
  const usage = page.locator('console-site-usage');
  await usage.locator('canvas').first().waitFor();
  await expect(usage.locator('canvas').count()).resolves.toBe(4);
  const turns = await usage.locator('.total', { hasText: 'Turns' }).locator('dd').innerText();
  expect(Number(turns)).toBeGreaterThanOrEqual(1);
  await usage.getByText('Tool calls by tool as a table').click();
  await usage.getByRole('rowheader', { name: 'add_task' }).waitFor();
  await expect(usage.locator('canvas').first().getAttribute('aria-label')).resolves.toMatch(
    /^Turns per day over 30 days: \d+ in all/,
  );
  await usage.scrollIntoViewIfNeeded();
  await screenshot(page, 'journey-6-usage', false);
  // UPDATE_SCREENSHOT=1 npx jest journey: the README's picture of this page, docs/console.png.
  if (process.env.UPDATE_SCREENSHOT) await readmePicture(h.browser, page, siteId);

  // The sites list: the turns of the last 7 days, as a small line.
  await page.goto(h.consoleUrl);
  const spark = page.getByRole('list', { name: 'Your sites' }).getByRole('img');
  await expect(spark.getAttribute('aria-label')).resolves.toMatch(
    /^Turns in the last 7 days: [1-9]\d* in all/,
  );
  await screenshot(page, 'journey-6-sites', false);
  await page.goto(`${h.consoleUrl}#/sites/${siteId}`);
  await page.getByRole('heading', { level: 1, name: 'Acme shop' }).waitFor();
});

it('rotates the secret, then revokes the previous one: a token signed with the old one is refused', async () => {
  await page.getByRole('link', { name: 'Secrets' }).click();
  await expectFocus(page, 'h2 Secrets');
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await page.getByRole('heading', { name: 'Your new secret' }).waitFor();
  await page.getByRole('button', { name: 'Copy the new site secret' }).click();
  const fresh = await clipboard(page);
  expect(fresh).toMatch(/^tas_/);
  expect(fresh).not.toBe(secret);
  await page.getByText('Still accepted until', { exact: false }).waitFor();
  await screenshot(page, 'journey-7-rotated', false);
  await page.getByRole('button', { name: 'I stored it' }).click();
  await expect(page.getByText(fresh).count()).resolves.toBe(0);

  // Both work while the servers move to the new one.
  expect((await exchange(h.backend.url, siteId, acme.url, hostToken(secret, siteId))).status).toBe(200);
  expect((await exchange(h.backend.url, siteId, acme.url, hostToken(fresh, siteId))).status).toBe(200);
  await acme.restart(fresh); // the owner deploys the new secret

  await page.getByRole('button', { name: 'Revoke previous secret' }).click();
  await expectFocus(page, 'button Revoke the previous secret');
  await page.getByRole('button', { name: 'Revoke the previous secret' }).click();
  await page.getByRole('status').getByText('The previous secret is revoked', { exact: false }).waitFor();
  await page.getByText('None: only the current secret is accepted.').waitFor();

  const old = await exchange(h.backend.url, siteId, acme.url, hostToken(secret, siteId));
  expect(old.status).toBe(401);
  expect(old.message).toMatch(/signature/i);
  expect((await exchange(h.backend.url, siteId, acme.url, hostToken(fresh, siteId))).status).toBe(200);

  // The site, on its new secret, still knows its user.
  await host.reload();
  await widget(host).locator('button.launcher').click();
  await say(host, 'show my tasks');
  await expect(widget(host).locator('.log').innerText()).resolves.toMatch(/buy oat milk/i);
  secret = fresh;
});

it('another account cannot see or change the site (404 everywhere) until an owner adds it; an admin sees it', async () => {
  const other = newAccount('Alan Turing');
  const otherContext = await h.newContext();
  const p = await h.newPage(otherContext);
  await h.signUp(p, other);
  await p.getByText('No sites yet').waitFor();
  await p.goto(`${h.consoleUrl}#/sites/${siteId}`);
  await p.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  await expect(p.getByText('Acme shop').count()).resolves.toBe(0);

  const api = `/api/admin/sites/${siteId}`;
  const calls: Array<[string, string, unknown?]> = [
    ['GET', api],
    ['PATCH', api, { settings: { greeting: 'Hijacked' } }],
    ['PATCH', api, { status: 'disabled' }],
    ['POST', `${api}/rotate-secret`],
    ['POST', `${api}/revoke-secret`],
    ['GET', `${api}/owners`],
    ['POST', `${api}/owners`, { email: other.email }],
    ['GET', `${api}/usage`],
    ['GET', `${api}/impact`],
    ['GET', `${api}/webhooks`],
    ['POST', `${api}/webhooks`, { url: 'http://localhost:9/hooks' }],
    ['GET', `${api}/webhooks/deliveries`],
    ['DELETE', api],
  ];
  for (const [method, path, body] of calls)
    expect({ method, path, status: (await asConsole(p, method, path, body)).status }).toEqual({
      method,
      path,
      status: 404,
    });
  const listed = await asConsole(p, 'GET', '/api/admin/sites');
  expect(listed.body).toEqual([]);

  // Writes take a bearer token, never the session cookie alone (no cross-site request forgery).
  const cookie = (await consoleContext.cookies(h.backend.url)).map((c) => `${c.name}=${c.value}`).join('; ');
  const forged = await fetch(`${h.backend.url}${api}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json', origin: acme.url },
    body: JSON.stringify({ settings: { greeting: 'Forged' } }),
  });
  expect(forged.status).toBe(401);

  // Nothing changed: the owner's site is as it was.
  const mine = await asConsole(page, 'GET', api);
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ status: 'active', settings: { greeting: GREETING } });

  // The owner adds the other account by its email: now it manages the site too.
  await page.getByRole('link', { name: 'Owners' }).click();
  await expectFocus(page, 'h2 Owners');
  await page.getByLabel('Add an owner').fill(other.email);
  await page.getByRole('button', { name: 'Add owner' }).click();
  await page.getByRole('status').getByText(`${other.email} is now an owner of Acme shop.`).waitFor();
  await page.getByRole('list', { name: 'Owners of Acme shop' }).getByText(other.email).waitFor();
  await p.goto(`${h.consoleUrl}#/`);
  await p.reload();
  await p.getByRole('link', { name: 'Acme shop' }).click();
  await p.getByRole('heading', { level: 1, name: 'Acme shop' }).waitFor();

  // …and removes it again: 404 once more.
  await page.getByRole('button', { name: `Remove ${other.email}` }).click();
  await page.getByRole('status').getByText(`${other.email} no longer owns Acme shop.`).waitFor();
  expect((await asConsole(p, 'GET', api)).status).toBe(404);
  await otherContext.close();

  // An account in ADMIN_EMAILS manages every site.
  const adminContext = await h.newContext();
  const a = await h.newPage(adminContext);
  await h.signUp(a, admin);
  await a.getByRole('link', { name: 'Acme shop' }).waitFor();
  expect((await asConsole(a, 'GET', api)).status).toBe(200);
  await adminContext.close();
});

it('disables the site and enables it again, each behind typing its id', async () => {
  await page.getByRole('link', { name: 'Danger zone' }).click();
  await page.getByRole('button', { name: 'Disable…' }).click();
  await expectFocus(page, 'input');
  const confirm = page.getByRole('button', { name: `Disable ${siteId}` });
  await expect(confirm.isDisabled()).resolves.toBe(true);
  await page.getByLabel(`Type ${siteId} to confirm`).fill('acme');
  await expect(confirm.isDisabled()).resolves.toBe(true);
  await page.getByLabel(`Type ${siteId} to confirm`).fill(siteId);
  await confirm.click();
  await page.getByText('This site is disabled.').waitFor();
  expect((await exchange(h.backend.url, siteId, acme.url, hostToken(secret, siteId))).status).toBe(401);

  await page.getByRole('button', { name: 'Enable…' }).click();
  await page.getByLabel(`Type ${siteId} to confirm`).fill(siteId);
  await page.getByRole('button', { name: `Enable ${siteId}` }).click();
  await page.getByRole('status').getByText('Acme shop is enabled.').waitFor();
  expect(await exchange(h.backend.url, siteId, acme.url, hostToken(secret, siteId))).toEqual({ status: 200 });
});

it('deletes the site: it says first how many users and tasks go with it', async () => {
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByText("1 user of your site's own").waitFor();
  await page.getByText('1 task they own', { exact: false }).waitFor();
  await screenshot(page, 'journey-8-delete', false);
  await page.getByLabel(`Type ${siteId} to confirm`).fill(siteId);
  await page.getByRole('button', { name: `Delete ${siteId} for good` }).click();
  await page.waitForURL(/#\/$/);
  await page.getByText('No sites yet').waitFor();
  await expectFocus(page, 'h1 Sites');
  expect((await exchange(h.backend.url, siteId, acme.url, hostToken(secret, siteId))).status).toBe(401);
});

it('signs out: back to the sign-in page, and the console asks again', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/oauth\/login/);
  await page.goto(h.consoleUrl);
  await page.waitForURL(/\/oauth\/login\?return=%2Fconsole%2F/);
});

/** Until the preview's header has this colour (the preview follows the fields a moment later). */
async function waitForColour(p: Page, rgb: string): Promise<void> {
  await p.waitForFunction((want) => {
    const preview = document
      .querySelector('console-app')
      ?.shadowRoot?.querySelector('console-site')
      ?.shadowRoot?.querySelector('console-site-appearance')
      ?.shadowRoot?.querySelector('console-widget-preview')
      ?.shadowRoot?.querySelector('todo-assistant');
    const header = preview?.shadowRoot?.querySelector('.header');
    return !!header && getComputedStyle(header).backgroundColor === want;
  }, rgb);
}
