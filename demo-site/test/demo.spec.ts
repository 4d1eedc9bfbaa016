import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  cspViolations,
  freePort,
  hostEvents,
  launchBrowser,
  newCredentials,
  recordPageEvents,
  say,
  screenshot,
  startBackend,
  widget,
  type RunningBackend,
} from '@todo-assistant/testing';

/**
 * A newcomer's first minutes with `npm start`'s pieces — the built backend and the demo server, each on a random
 * port and so on different origins — on the three demo pages.
 */
const ARTIFACTS = join(__dirname, '../test-results');
// `UPDATE_SCREENSHOT=1 npm test -w demo-site` refreshes the README's screenshot from this very test.
const README_SCREENSHOT = join(__dirname, '../../docs/demo.png');

let backend: RunningBackend;
let demo: ChildProcess;
let demoUrl = '';
let browser: Browser;
const demoData = mkdtempSync(join(tmpdir(), 'northwind-'));

beforeAll(async () => {
  const demoPort = await freePort();
  demoUrl = `http://localhost:${demoPort}`;
  const origins = [demoUrl, `http://127.0.0.1:${demoPort}`];
  backend = await startBackend({ allowedOrigins: origins });
  // What `npm start` provisions: Northwind's board vouches for its own users; the help desk has guests.
  const origin = origins.flatMap((o) => ['--origin', o]);
  const northwind = await backend.sites('create', '--name', 'Northwind', ...origin, '--identity', 'host');
  const helpdesk = await backend.sites(
    'create',
    '--name',
    'Help desk',
    ...origin,
    '--identity',
    'guests,accounts',
  );
  demo = spawn(process.execPath, [join(__dirname, '../server.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      DEMO_PORT: String(demoPort),
      PUBLIC_URL: backend.url,
      NORTHWIND_SITE: northwind.id,
      NORTHWIND_SITE_SECRET: northwind.secret,
      HELPDESK_SITE: helpdesk.id,
      DEMO_DATA_DIR: demoData,
    },
    stdio: 'ignore',
  });
  process.once('exit', () => demo.kill());
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(demoUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  demo?.kill();
  await backend?.stop();
  rmSync(demoData, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    locale: 'en-US',
    timezoneId: 'Europe/London',
  });
  await recordPageEvents(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demoUrl}${path}`);
  return { page, errors, close: () => context.close() };
}

async function board(page: Page) {
  const column = (id: string) => page.locator(`#${id} .task`).allInnerTexts();
  return { todo: await column('pending'), done: await column('done') };
}

/**
 * Waits until the board shows exactly these tasks in the columns given (it redraws on
 * `todo-assistant-tasks-changed`, and lays a row out only once the page's styles apply).
 */
async function boardShows(page: Page, expected: { todo?: string[]; done?: string[] }) {
  const want = JSON.stringify(expected);
  await page
    .waitForFunction(
      (w) => {
        const wanted = JSON.parse(w) as Record<string, unknown>;
        const col = (id: string) =>
          [...document.querySelectorAll(`#${id} .task`)].map((li) => (li as HTMLElement).innerText);
        const shown: Record<string, string[]> = {};
        if ('todo' in wanted) shown.todo = col('pending');
        if ('done' in wanted) shown.done = col('done');
        return JSON.stringify(shown) === w;
      },
      want,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(`the board shows ${JSON.stringify(await board(page))}, expected ${want}`);
    });
}

async function signUpOnTheSite(page: Page) {
  const who = newCredentials();
  await page.getByRole('button', { name: 'New here? Create an account' }).click();
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your task board' }).waitFor();
  return who;
}

/** The host-signs-in journey of index.html and strict-csp.html. */
async function boardJourney(path: string, shots: string) {
  const { page, errors, close } = await open(path);
  const w = widget(page);
  await screenshot(page, ARTIFACTS, `${shots}-1-home`);
  // Signed out, the page shows a sign-in card only: no Sign out button, no sign-up-only field.
  await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(false);
  await expect(page.getByLabel('Name').isVisible()).resolves.toBe(false);
  await signUpOnTheSite(page);
  await page.getByText('No tasks yet — ask the assistant to add one.').waitFor();

  // Northwind's server vouched for its user (a host token): the assistant opens signed in, no second sign-in.
  await w.locator('button.launcher').click();
  await w.getByLabel('Message').waitFor();
  await expect(w.locator('todo-assistant-sign-in').count()).resolves.toBe(0);
  // The site's Georgia at an 18 px root size does not reach into the assistant.
  const font = await w.getByLabel('Message').evaluate((el) => getComputedStyle(el).font);
  expect(font).toMatch(/^14px/);
  expect(font).not.toMatch(/Georgia/);
  await say(page, 'add buy milk');
  await say(page, 'add walk the dog');
  await say(page, 'remember to call mom');
  await boardShows(page, { todo: ['#1\nBuy milk', '#2\nWalk the dog', '#3\nCall mom'], done: [] });
  await screenshot(page, ARTIFACTS, `${shots}-2-three-tasks`);

  await expect(say(page, 'mark task 2 done')).resolves.toMatch(/walk the dog/i);
  await boardShows(page, { todo: ['#1\nBuy milk', '#3\nCall mom'], done: ['#2\nWalk the dog'] });
  await say(page, 'show my tasks');
  await w.getByRole('button', { name: 'Delete: Call mom' }).click();
  await w.getByRole('button', { name: 'Cancel: Call mom' }).waitFor(); // it asks first
  await w.getByRole('button', { name: 'Yes, delete: Call mom' }).click();
  await boardShows(page, { todo: ['#1\nBuy milk'], done: ['#2\nWalk the dog'] });
  // Priorities, tags and due dates reach the site's own board too.
  await say(page, 'add pay the rent tomorrow at 9am, high priority #home');
  await page.locator('#pending .task', { hasText: 'Pay the rent' }).waitFor();
  await expect(page.locator('#pending .task').last().innerText()).resolves.toMatch(
    /^#4\nPay the rent\nDue \w{3}, \w{3} \d{1,2}, 9:00 AM · High priority · #home$/,
  );
  await screenshot(page, ARTIFACTS, `${shots}-3-after-changes`);
  if (process.env.UPDATE_SCREENSHOT && path === '/') {
    mkdirSync(join(README_SCREENSHOT, '..'), { recursive: true });
    copyFileSync(join(ARTIFACTS, `${shots}-3-after-changes.png`), README_SCREENSHOT);
  }
  const transcript = await w.locator('.log').innerText();

  await page.reload();
  await page.locator('#pending .task', { hasText: 'Pay the rent' }).waitFor();
  await boardShows(page, { done: ['#2\nWalk the dog'] });
  await w.locator('button.launcher').click();
  await w.locator('.widget-item').last().waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);
  await screenshot(page, ARTIFACTS, `${shots}-4-after-reload`);
  const changes = (await hostEvents(page)).filter((e) => e.type === 'todo-assistant-tasks-changed');
  expect(changes).toHaveLength(0); // nothing changed since the reload

  // A task added elsewhere (here: the REST API, as another tab or a phone would) is on the board within a second:
  // the assistant hears it on its live stream and tells the page (source "remote").
  const elapsed = await page.evaluate(async (api) => {
    const hostToken = await (await fetch('/assistant-token')).text();
    const site = document.querySelector('todo-assistant')!.getAttribute('site');
    const exchanged = await fetch(`${api}/api/sites/${site}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: hostToken }),
    });
    const { token } = (await exchanged.json()) as { token: string };
    const start = performance.now();
    await fetch(`${api}/api/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Call the printer' }),
    });
    const onBoard = () =>
      [...document.querySelectorAll('#pending .task')].some((li) =>
        li.textContent?.includes('Call the printer'),
      );
    while (!onBoard() && performance.now() - start < 5_000) await new Promise((r) => setTimeout(r, 10));
    return performance.now() - start;
  }, backend.url);
  expect(elapsed).toBeLessThan(1_000);
  await page.locator('#pending .task.changed', { hasText: 'Call the printer' }).waitFor();
  expect(
    (await hostEvents(page))
      .filter((e) => e.type === 'todo-assistant-tasks-changed')
      .map((e) => e.detail as { source: string; changes: Array<{ action: string; title: string }> })
      .map(({ source, changes }) => ({ source, changes: changes.map((c) => `${c.action} ${c.title}`) })),
  ).toEqual([{ source: 'remote', changes: ['created Call the printer'] }]);
  await screenshot(page, ARTIFACTS, `${shots}-5-changed-elsewhere`);

  // The site signs its user out: the open assistant lets go of their conversation at once.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await w.getByText('Sign in to this site to use the assistant.').waitFor();
  await expect(w.locator('.msg').count()).resolves.toBe(0);
  await expect(page.getByLabel('Email').inputValue()).resolves.toBe('');
  await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(false);
  expect(errors).toEqual([]);
  const violations = await cspViolations(page);
  await close();
  return violations;
}

test('index.html: the site signs people in, the assistant keeps their board up to date', async () => {
  await boardJourney('/', 'index');
});

test('strict-csp.html: the same journey under a strict Content-Security-Policy, without a violation', async () => {
  const res = await fetch(`${demoUrl}/strict-csp.html`);
  expect(res.headers.get('content-security-policy')).toContain(
    "script-src 'self' " + new URL(backend.url).origin,
  );
  expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
  await expect(boardJourney('/strict-csp.html', 'strict-csp')).resolves.toEqual([]);
});

test('inline.html, the help desk: a visitor types at once, then signs up and keeps the list', async () => {
  const { page, errors, close } = await open('/inline.html');
  const w = widget(page);
  // No form first: a guest's conversation starts with the first message.
  await w.getByLabel('Message').waitFor();
  await expect(w.getByLabel('Password').count()).resolves.toBe(0);
  await screenshot(page, ARTIFACTS, 'inline-1-start');
  await say(page, 'add book the studio');
  await say(page, 'add order film');
  await say(page, 'add print the call sheet');
  const activity = () => page.locator('#activity li').allInnerTexts();
  await expect(activity()).resolves.toEqual([
    'Added task 3: Print the call sheet',
    'Added task 2: Order film',
    'Added task 1: Book the studio',
  ]);
  await say(page, 'mark task 2 done');
  await say(page, 'show my tasks');
  await w.getByRole('button', { name: 'Delete: Book the studio' }).click();
  await w.getByRole('button', { name: 'Cancel: Book the studio' }).waitFor(); // it asks first
  await w.getByRole('button', { name: 'Yes, delete: Book the studio' }).click();
  await page.locator('#activity li', { hasText: 'Deleted task 1: Book the studio' }).waitFor();
  await expect(activity()).resolves.toEqual([
    'Deleted task 1: Book the studio',
    'Completed task 2: Order film',
    'Added task 3: Print the call sheet',
    'Added task 2: Order film',
    'Added task 1: Book the studio',
  ]);
  await screenshot(page, ARTIFACTS, 'inline-2-guest');
  const transcript = await w.locator('.log').innerText();

  // "Sign in to keep your tasks": an account, and the guest's list and conversation come along.
  await w.getByRole('button', { name: 'Sign in to keep your tasks' }).click();
  await w.getByRole('button', { name: 'Create an account' }).click();
  const who = newCredentials();
  await w.getByLabel('Name').fill(who.name);
  await w.getByLabel('Email').fill(who.email);
  await w.getByLabel('Password').fill(who.password);
  await w.getByRole('button', { name: 'Create account' }).click();
  await w.getByRole('button', { name: 'Sign out' }).waitFor();
  await w.locator('.widget-item').last().waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);
  await screenshot(page, ARTIFACTS, 'inline-3-signed-up');

  await page.reload();
  await w.locator('.widget-item').last().waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);
  await expect(w.locator('.listview').last().locator('li .text').allInnerTexts()).resolves.toEqual([
    'Order film',
    'Print the call sheet',
  ]);
  await expect(w.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
  expect(errors).toEqual([]);
  await close();
});
