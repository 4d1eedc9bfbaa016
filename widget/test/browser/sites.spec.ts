import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Harness, newCredentials, say, screenshot, widget } from '../support/harness';

/**
 * Sites: a page of its own origin whose server vouches for its signed-in user with a host token (no form at all),
 * and a help-desk page whose visitors write at once as guests and keep their tasks when they sign up.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

/** What a site's server does (here in a few lines of Node): HS256 over its user, with the site secret. */
function signHostToken(secret: string, claims: Record<string, unknown>, lifetimeS: number): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ ...claims, iat: now, exp: now + lifetimeS })}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Every request the page made to the backend, in order. */
function backendRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${h.backend.url}/api/`)) seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

test("a site's own signed-in user: known without any form, adds a task by chat, getToken asked again after expiry", async () => {
  const site = await h.backend.sites(
    'create',
    '--name',
    'Acme shop',
    '--origin',
    h.site.url,
    '--identity',
    'host',
  );
  let tokensSigned = 0;
  // The site's own route behind its own login (here: always "signed in" as customer 42).
  h.site.routes.set('/assistant-token', (_req, res) => {
    tokensSigned++;
    const token = signHostToken(site.secret, { sub: 'customer-42', name: 'Grace Hopper', aud: site.id }, 8);
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(token);
  });
  h.site.files.set('/shop.js', {
    type: 'text/javascript',
    body: `customElements.whenDefined('todo-assistant').then(() => {
      document.querySelector('todo-assistant').getToken = () =>
        fetch('/assistant-token').then((r) => (r.ok ? r.text() : null));
    });`,
  });
  const url = h.hostPage('/shop', { embed: h.scriptTag(`data-site="${site.id}"`), scripts: ['/shop.js'] });
  const { page, context, errors } = await h.newPage(url);
  const w = widget(page);
  await w.locator('button.launcher').click();

  // Straight into the conversation: the page's server said who this is.
  await w.getByLabel('Message').waitFor();
  expect(await w.getByLabel('Password').count()).toBe(0);
  expect(await w.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  expect(await say(page, 'add buy oat milk')).toContain('Buy oat milk');
  await screenshot(page, 'sites-host-user');

  // The task is the host user's: the site's server can read it back with its secret (export).
  const exported = await (
    await fetch(`${h.backend.url}/api/sites/${site.id}/users/customer-42/export`, {
      headers: { authorization: `Bearer ${site.secret}` },
    })
  ).json();
  expect(exported.user).toMatchObject({ sub: 'customer-42', name: 'Grace Hopper' });
  expect(exported.tasks.map((t: { title: string }) => t.title)).toEqual(['Buy oat milk']);

  // The access token lives no longer than the 8-second host token: after it, the page is asked again.
  const signedBefore = tokensSigned;
  await page.waitForTimeout(8_500);
  expect(await say(page, 'show my tasks')).toBe('Here is your task (1 pending, 0 done).');
  await w.getByRole('button', { name: 'Done: Buy oat milk' }).waitFor();
  expect(tokensSigned).toBeGreaterThan(signedBefore);
  expect(errors).toEqual([]);
  await context.close();
});

test('a guest writes at once, signs up from the quiet offer, and keeps the same tasks and conversation', async () => {
  const site = await h.backend.sites(
    'create',
    '--name',
    'Help desk',
    '--origin',
    h.site.url,
    '--identity',
    'guests,accounts',
  );
  await h.backend.sites(
    'update',
    site.id,
    '--setting',
    'heading=Help desk assistant',
    '--setting',
    'greeting=Ask us anything about your tasks.',
    '--setting',
    'placeholder=From the site settings',
  );
  // Every backend instance sees a site's change within SITES_REFRESH_MS (2 s): as a site owner would, wait for it.
  for (let i = 0; i < 50; i++) {
    const config = await (
      await fetch(`${h.backend.url}/api/sites/${site.id}/config`, { headers: { origin: h.site.url } })
    ).json();
    if (config.appearance?.heading === 'Help desk assistant') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // The page's own attribute wins over the site's setting.
  const url = h.hostPage('/help', {
    embed: h.scriptTag(`data-site="${site.id}" data-placeholder="Type your question"`),
  });
  const { page, context, errors } = await h.newPage(url);
  const requests = backendRequests(page);
  const w = widget(page);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]); // a page that is only looked at costs the backend nothing

  await w.locator('button.launcher').click();
  await w.getByRole('heading', { name: 'Help desk assistant' }).waitFor();
  await w.getByText('Ask us anything about your tasks.').waitFor();
  expect(await w.getByLabel('Message').getAttribute('placeholder')).toBe('Type your question');
  expect(await w.getByLabel('Password').count()).toBe(0);
  // Opening read the site's settings and whether dictation works (public, cached), nothing else: the guest starts
  // with the first message.
  expect([...requests].sort()).toEqual(['GET /api/capabilities', `GET /api/sites/${site.id}/config`]);
  await screenshot(page, 'sites-guest-start');

  expect(await say(page, 'add water the plants')).toContain('Water the plants');
  expect(await say(page, 'add book the dentist')).toContain('Book the dentist');
  expect(requests.filter((r) => r.endsWith('/guest'))).toHaveLength(1);
  const offer = w.getByRole('button', { name: 'Sign in to keep your tasks' });
  await offer.waitFor();
  await screenshot(page, 'sites-guest-offer');

  await offer.click();
  await w.getByRole('button', { name: 'Create an account' }).click();
  const who = newCredentials();
  await w.getByLabel('Name').fill(who.name);
  await w.getByLabel('Email').fill(who.email);
  await w.getByLabel('Password').fill(who.password);
  await w.getByRole('button', { name: 'Create account' }).click();

  // Now an account: the same conversation is open, and the tasks are theirs.
  await w.getByRole('button', { name: 'Sign out' }).waitFor();
  await offer.waitFor({ state: 'detached' });
  await w.locator('.msg.user').first().waitFor();
  expect(await w.locator('.msg.user').first().innerText()).toContain('add water the plants');
  const listed = await say(page, 'show my tasks');
  expect(listed).toContain('2');
  await w.getByText('Water the plants').last().waitFor();
  await w.getByText('Book the dentist').last().waitFor();
  await screenshot(page, 'sites-guest-signed-up');

  // The account's own REST view agrees, and a reload keeps the account and the conversation.
  await page.reload();
  await w.locator('button.launcher').click();
  await w.getByRole('button', { name: 'Sign out' }).waitFor();
  await w.locator('.msg.user').first().waitFor();
  expect(await w.locator('.msg.user').first().innerText()).toContain('add water the plants');
  expect(errors).toEqual([]);
  await context.close();
});
