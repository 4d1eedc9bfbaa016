import type { Page, Request } from 'playwright-core';
import { axe, recordPageEvents } from '@todo-assistant/testing';
import {
  Harness,
  hostEvents,
  newCredentials,
  say,
  screenshot,
  signUpInPanel,
  widget,
  type HostEvent,
} from '../support/harness';

/**
 * The live stream of task events as a person meets it: a task changed anywhere else (here: the REST API, as a
 * phone or an MCP client would) reaches the page within a second and an open task list shows it; the page's own
 * changes are told once; one stream serves every assistant on the page; it closes while the page is hidden and
 * resumes after the last event it got; and reminders show in the panel, on the launcher, to the page and — once
 * the person asked for it — as a system notification while the page is hidden.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

interface Rest {
  userId: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** The same user on another device: signed in to the REST API on its own. */
async function restAs(email: string, password: string): Promise<Rest> {
  const signIn = await fetch(`${h.backend.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.site.url },
    body: JSON.stringify({ email, password }),
  });
  const session = signIn.headers.get('set-auth-token')!;
  const { token } = (await (
    await fetch(`${h.backend.url}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } })
  ).json()) as { token: string };
  const userId = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string })
    .sub;
  return {
    userId,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const res = await fetch(`${h.backend.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}

type Change = { action: string; task_id: number; title: string; completed?: boolean };

function tasksChanged(events: HostEvent[]) {
  return events
    .filter((e) => e.type === 'todo-assistant-tasks-changed')
    .map((e) => e.detail as { source: string; changes: Change[] })
    .map(({ source, changes }) => ({
      source,
      changes: changes.map(({ action, task_id, title }) => ({ action, task_id, title })),
    }));
}

/** Waits until the page has heard a remote change of this title; answers how long it took. */
async function remoteChangeHeard(page: Page, title: string, since: number): Promise<number> {
  await page.waitForFunction(
    (t) =>
      (
        window as unknown as {
          hostEvents: Array<{ type: string; detail: { source?: string; changes?: Change[] } }>;
        }
      ).hostEvents.some(
        (e) =>
          e.type === 'todo-assistant-tasks-changed' &&
          e.detail.source === 'remote' &&
          e.detail.changes?.some((c) => c.title === t),
      ),
    title,
    { polling: 20 },
  );
  return Date.now() - since;
}

/** Every request the page makes for the stream, and those that ended (closed by the page or the server). */
function streamRequests(page: Page) {
  const opened: Request[] = [];
  const ended: Request[] = [];
  const isStream = (r: Request) => r.method() === 'GET' && new URL(r.url()).pathname === '/api/events';
  page.on('request', (r) => isStream(r) && opened.push(r));
  page.on('requestfailed', (r) => isStream(r) && ended.push(r));
  page.on('requestfinished', (r) => isStream(r) && ended.push(r));
  return { opened, ended };
}

/** What `document.hidden` says, as when the person switches to another tab. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hide ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

/**
 * How a late reminder names its due time: "at 22:08" on the same day, with the day as well when it was before today
 * ("Mon 7 Dec at 22:08"; the year too when it was last year), as a run in the first hours of a day (UTC, the zone of
 * this user's tasks) sees it.
 */
function lateWhen(task: { due_date: string; due_time: string }): string {
  const now = new Date();
  if (task.due_date === now.toISOString().slice(0, 10)) return `at ${task.due_time}`;
  const due = new Date(`${task.due_date}T12:00:00Z`);
  const day = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
    .format(due)
    .replace(',', '');
  const year = due.getUTCFullYear() === now.getUTCFullYear() ? '' : ` ${due.getUTCFullYear()}`;
  return `${day}${year} at ${task.due_time}`;
}

test('a task added elsewhere reaches the page within a second and the open task list; its own changes are told once', async () => {
  const { page, context, errors } = await h.newPage(h.hostPage('/live', { embed: h.scriptTag() }));
  const w = widget(page);
  const who = await signUpInPanel(page);
  await say(page, 'add buy milk');
  await say(page, 'add walk the dog');
  await say(page, 'show my tasks');
  const list = w.locator('.listview').last();
  await expect(list.locator('li').count()).resolves.toBe(2);
  const phone = await restAs(who.email, who.password);

  let since = Date.now();
  await phone.call('POST', '/api/tasks', { title: 'Pick up the dry cleaning' });
  expect(await remoteChangeHeard(page, 'Pick up the dry cleaning', since)).toBeLessThan(1_000);
  await list.locator('li', { hasText: 'Pick up the dry cleaning' }).waitFor({ timeout: 1_000 });

  since = Date.now();
  await phone.call('PATCH', '/api/tasks/1/complete', {});
  await list.locator('li', { hasText: 'Changed elsewhere' }).waitFor({ timeout: 1_000 });
  expect(Date.now() - since).toBeLessThan(1_000);
  await phone.call('DELETE', '/api/tasks/2');
  await list.locator('li', { hasText: 'Deleted elsewhere' }).waitFor({ timeout: 1_000 });
  await expect(list.locator('li').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/^Buy milk\nTask 1 · Changed elsewhere\nDone/),
    expect.stringMatching(/^Walk the dog\nTask 2 · Deleted elsewhere\nDeleted$/),
    expect.stringMatching(/^Pick up the dry cleaning\nTask 3 · Added elsewhere\nOpen/),
  ]);
  await expect(list.locator('.status').innerText()).resolves.toBe('Your tasks · 1 of 2 done');
  await screenshot(page, 'live-1-list-follows');
  await expect(axe(page)).resolves.toEqual([]);

  // The added row's Done works like any other (the server acts; its answer keeps the row).
  await w.getByRole('button', { name: 'Done: Pick up the dry cleaning' }).click();
  await w.getByRole('button', { name: 'Reopen: Pick up the dry cleaning' }).waitFor();
  // Changes made by the page's own assistant come back on the stream too: the page hears them once.
  await say(page, 'add call the bank');
  await page.waitForTimeout(1_500); // anything late would have arrived
  expect(tasksChanged(await hostEvents(page))).toEqual([
    { source: 'assistant', changes: [{ action: 'created', task_id: 1, title: 'Buy milk' }] },
    { source: 'assistant', changes: [{ action: 'created', task_id: 2, title: 'Walk the dog' }] },
    { source: 'remote', changes: [{ action: 'created', task_id: 3, title: 'Pick up the dry cleaning' }] },
    { source: 'remote', changes: [{ action: 'completed', task_id: 1, title: 'Buy milk' }] },
    { source: 'remote', changes: [{ action: 'deleted', task_id: 2, title: 'Walk the dog' }] },
    {
      source: 'assistant',
      changes: [{ action: 'completed', task_id: 3, title: 'Pick up the dry cleaning' }],
    },
    { source: 'assistant', changes: [{ action: 'created', task_id: 4, title: 'Call the bank' }] },
  ]);
  const remote = (await hostEvents(page)).find(
    (e) => e.type === 'todo-assistant-tasks-changed' && (e.detail as { source: string }).source === 'remote',
  );
  expect(remote?.detail).toEqual({
    source: 'remote',
    changes: [
      { action: 'created', task_id: 3, title: 'Pick up the dry cleaning', completed: false, tags: [] },
    ],
  });

  // After a reload, before anyone opens the panel: someone signed in here is followed at once.
  const streams = streamRequests(page);
  await page.reload();
  await until(() => streams.opened.length > 0);
  since = Date.now();
  await phone.call('POST', '/api/tasks', { title: 'Book the dentist' });
  expect(await remoteChangeHeard(page, 'Book the dentist', since)).toBeLessThan(1_000);
  await expect(w.locator('button.launcher').getAttribute('aria-expanded')).resolves.toBe('false');
  expect(errors).toEqual([]);
  await context.close();
});

test('two assistants on a page share one stream, and a change is told to the page once', async () => {
  const url = h.hostPage('/live-two', {
    body: `<section style="height:520px"><todo-assistant id="one" mode="inline"></todo-assistant></section>
      <section style="height:520px"><todo-assistant id="two" mode="inline" heading="Second"></todo-assistant></section>`,
    embed: `<script src="${h.backend.url}/widget/todo-assistant.js" async></script>`,
  });
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 1200 } });
  await recordPageEvents(context);
  const page = await context.newPage();
  const streams = streamRequests(page);
  await page.goto(url);
  const one = widget(page, '#one');
  const two = widget(page, '#two');
  const who = await signUpInPanel(page, one);
  await two.getByLabel('Message').waitFor(); // the same sign-in
  await until(() => streams.opened.length > 0);
  await say(page, 'add water the plants', two);
  await say(page, 'show my tasks', one);
  const phone = await restAs(who.email, who.password);
  const since = Date.now();
  await phone.call('POST', '/api/tasks', { title: 'Feed the cat' });
  expect(await remoteChangeHeard(page, 'Feed the cat', since)).toBeLessThan(1_000);
  await one.locator('.listview li', { hasText: 'Feed the cat' }).waitFor({ timeout: 1_000 });
  await page.waitForTimeout(1_000);
  expect(streams.opened).toHaveLength(1);
  expect(tasksChanged(await hostEvents(page))).toEqual([
    { source: 'assistant', changes: [{ action: 'created', task_id: 1, title: 'Water the plants' }] },
    { source: 'remote', changes: [{ action: 'created', task_id: 2, title: 'Feed the cat' }] },
  ]);
  await screenshot(page, 'live-2-two-assistants');

  // After a reload both find the remembered sign-in: still one stream.
  await page.reload();
  await two.getByLabel('Message').waitFor();
  await page.waitForTimeout(1_000);
  expect(streams.opened).toHaveLength(2);
  await context.close();
});

test('the stream closes while the page is hidden and resumes after its last event, losing none', async () => {
  const { page, context, errors } = await h.newPage(h.hostPage('/live-hidden', { embed: h.scriptTag() }));
  const streams = streamRequests(page);
  const who = await signUpInPanel(page);
  await until(() => streams.opened.length === 1);
  const phone = await restAs(who.email, who.password);
  await phone.call('POST', '/api/tasks', { title: 'Seen while visible' });
  await remoteChangeHeard(page, 'Seen while visible', Date.now());

  await setHidden(page, true);
  await until(() => streams.ended.length === 1); // closed by the page
  await phone.call('POST', '/api/tasks', { title: 'Made while hidden' });
  await page.waitForTimeout(500);
  expect(tasksChanged(await hostEvents(page)).map((e) => e.changes[0].title)).toEqual(['Seen while visible']);
  expect(streams.opened).toHaveLength(1);

  await setHidden(page, false);
  await until(() => streams.opened.length === 2);
  const resumed = new URL(streams.opened[1].url());
  expect(resumed.searchParams.get('last_event_id')).toMatch(/^\d+$/);
  await remoteChangeHeard(page, 'Made while hidden', Date.now());
  await page.waitForTimeout(500);
  expect(tasksChanged(await hostEvents(page)).map((e) => e.changes[0].title)).toEqual([
    'Seen while visible',
    'Made while hidden',
  ]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a reminder: a notice in the panel, a count on the launcher, an event, and a notification only when asked', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPageEvents(context);
  // The browser's notifications, observed: what the page asks for and shows.
  await context.addInitScript(() => {
    const w = window as unknown as {
      notifications: Array<{ title: string; body?: string }>;
      permissionAsked: number;
    };
    w.notifications = [];
    w.permissionAsked = 0;
    let permission: NotificationPermission = 'default';
    class FakeNotification {
      static get permission() {
        return permission;
      }
      static requestPermission() {
        w.permissionAsked++;
        permission = 'granted';
        return Promise.resolve(permission);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        w.notifications.push({ title, body: options?.body });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: FakeNotification });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const streams = streamRequests(page);
  await page.goto(h.hostPage('/live-reminder', { embed: h.scriptTag() }));
  const w = widget(page);
  const who = newCredentials();
  await signUpInPanel(page, w, who);
  await until(() => streams.opened.length === 1);
  await w.getByRole('button', { name: 'Close' }).click();
  const phone = await restAs(who.email, who.password);
  // Reminders fired by the backend's job, at each task's due time (the default reminder).
  const remind = async (title: string, dueAt: Date) =>
    phone.call<{ due_date: string; due_time: string }>('POST', '/api/tasks', {
      title,
      due_at: dueAt.toISOString(),
    });
  await remind('Call mom', new Date(Date.now() + 2_000));

  const launcher = w.locator('button.launcher');
  await w.locator('.launcher .badge').waitFor();
  await expect(w.locator('.launcher .badge').innerText()).resolves.toBe('1');
  await expect(launcher.getAttribute('aria-label')).resolves.toBe('Todo Assistant (1 new reminder)');
  const reminder = (await hostEvents(page)).find((e) => e.type === 'todo-assistant-reminder');
  expect(reminder?.detail).toEqual({
    task: expect.objectContaining({ id: 1, title: 'Call mom' }),
    late: false,
    message: 'Reminder: “Call mom” is due now',
  });
  await screenshot(page, 'live-3-launcher-badge');

  await launcher.click();
  await w.getByText('Reminder: “Call mom” is due now').waitFor();
  await expect(w.locator('.launcher .badge').count()).resolves.toBe(0);
  const offer = w.getByRole('button', { name: 'Notify me when the page is hidden' });
  await offer.waitFor();
  await screenshot(page, 'live-4-reminder-notice');
  await expect(axe(page)).resolves.toEqual([]);
  const seen = () =>
    page.evaluate(() => {
      const x = window as unknown as { notifications: unknown[]; permissionAsked: number };
      return { asked: x.permissionAsked, shown: x.notifications };
    });
  expect(await seen()).toEqual({ asked: 0, shown: [] }); // nothing asked before the button

  // Without the person's word, a hidden page has no stream and shows nothing.
  await setHidden(page, true);
  await until(() => streams.ended.length === 1);
  await setHidden(page, false);
  await until(() => streams.opened.length === 2);

  await offer.click();
  await w.getByText('You’ll get a notification for reminders while this page is hidden.').waitFor();
  expect((await seen()).asked).toBe(1);
  // Now the stream stays open while the page is hidden, and a reminder becomes a notification.
  await setHidden(page, true);
  const late = await remind('Water the plants', new Date(Date.now() - 2 * 3_600_000)); // fires at once, late
  const wasDue = `“Water the plants” was due ${lateWhen(late)}`;
  await page.waitForFunction(
    () => (window as unknown as { notifications: unknown[] }).notifications.length > 0,
  );
  expect((await seen()).shown).toEqual([{ title: 'Reminder', body: wasDue }]);
  expect(streams.ended).toHaveLength(1);
  await setHidden(page, false);
  await expect(w.locator('.reminders li').allInnerTexts()).resolves.toEqual([
    `Reminder: ${wasDue}`,
    'Reminder: “Call mom” is due now',
  ]);
  expect(
    (await hostEvents(page))
      .filter((e) => e.type === 'todo-assistant-reminder')
      .map((e) => (e.detail as { late: boolean }).late),
  ).toEqual([false, true]);

  // Dismissed, a notice goes; a task done elsewhere takes its reminder with it.
  await w.getByRole('button', { name: `Dismiss: Reminder: ${wasDue}` }).click();
  await phone.call('PATCH', '/api/tasks/1/complete', {});
  await w.locator('.reminders').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await context.close();
});
