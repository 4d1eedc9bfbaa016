import type { Page } from 'playwright-core';
import {
  answersEnded,
  Harness,
  hostEvents,
  say,
  screenshot,
  signUpInPanel,
  waitForAnswer,
  widget,
  type HostEvent,
} from '../support/harness';

/**
 * A third-party page adds the assistant with one script tag from the backend's origin; a new user signs up in
 * the panel and keeps their list by chat and by the task-list widget, as a person would.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

async function tasksOf(email: string, password: string) {
  const signIn = await fetch(`${h.backend.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.site.url },
    body: JSON.stringify({ email, password }),
  });
  const session = signIn.headers.get('set-auth-token')!;
  const { token } = (await (
    await fetch(`${h.backend.url}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } })
  ).json()) as { token: string };
  const res = await fetch(`${h.backend.url}/api/tasks?status=all&sort=created&order=asc`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { data: Array<{ id: number; title: string; completed: boolean }> }).data.map(
    (t) => ({ id: t.id, title: t.title, completed: t.completed }),
  );
}

function changesIn(events: HostEvent[]) {
  return events
    .filter((e) => e.type === 'todo-assistant-tasks-changed')
    .flatMap(
      (e) => (e.detail as { changes: Array<{ action: string; task_id: number; title: string }> }).changes,
    )
    .map(({ action, task_id, title }) => ({ action, task_id, title })); // the fields: task-fields.spec.ts
}

async function clickWidgetButton(page: Page, name: string) {
  const ended = await answersEnded(page);
  await widget(page).getByRole('button', { name }).last().click();
  await waitForAnswer(page, ended);
}

test('one script tag: sign up, keep a list by chat and widget, reload into the same conversation, sign out', async () => {
  const url = h.hostPage('/', { embed: h.scriptTag() });
  const { page, context, errors } = await h.newPage(url);
  const w = widget(page);
  const launcher = w.locator('button.launcher');

  // Until someone opens it, the page has the launcher and nothing else of ours.
  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(launcher.getAttribute('aria-label')).resolves.toBe('Todo Assistant');
  const fetched = () => h.site.requests; // the host's own requests
  expect(fetched()).toContain('/');
  const widgetFiles = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith('/widget/')),
  );
  expect(widgetFiles).toEqual([
    '/widget/todo-assistant.js',
    expect.stringMatching(/^\/widget\/chunks\/embed-mount-[\w-]+\.js$/),
  ]);
  await screenshot(page, 'journey-1-launcher');

  const who = await signUpInPanel(page);
  await screenshot(page, 'journey-2-signed-up');
  let events = await hostEvents(page);
  expect(events.map((e) => e.type)).toEqual(
    expect.arrayContaining(['todo-assistant-open', 'todo-assistant-auth-change', 'todo-assistant-ready']),
  );
  expect(events.find((e) => e.type === 'todo-assistant-ready')?.detail).toEqual({ renderer: 'builtin' });
  expect(events.filter((e) => e.type === 'todo-assistant-auth-change').at(-1)?.detail).toMatchObject({
    signedIn: true,
    user: { email: who.email, name: who.name },
  });

  // Adding by chat: tool progress, the answer, and the host page told.
  await expect(say(page, 'add buy milk')).resolves.toMatch(/buy milk/i);
  await expect(w.locator('.workflow li:not(.undo)').last().innerText()).resolves.toMatch(
    /Added “Buy milk” as task 1/,
  );
  await say(page, 'add walk the dog');
  await say(page, 'remember to call mom');
  events = await hostEvents(page);
  expect(changesIn(events)).toEqual([
    { action: 'created', task_id: 1, title: 'Buy milk' },
    { action: 'created', task_id: 2, title: 'Walk the dog' },
    { action: 'created', task_id: 3, title: 'Call mom' },
  ]);

  // Listing shows the task-list widget; its buttons act on the task in place.
  await say(page, 'show my tasks');
  const list = w.locator('.listview').last();
  await expect(list.locator('li').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Buy milk[\s\S]*Task 1/),
    expect.stringMatching(/Walk the dog[\s\S]*Task 2/),
    expect.stringMatching(/Call mom[\s\S]*Task 3/),
  ]);
  await screenshot(page, 'journey-3-task-list');
  await clickWidgetButton(page, 'Done: Buy milk');
  await expect(w.getByRole('button', { name: 'Reopen: Buy milk' }).count()).resolves.toBe(1);
  await expect(say(page, 'mark task 2 done')).resolves.toMatch(/walk the dog/i);
  await say(page, 'show my tasks');
  await clickWidgetButton(page, 'Delete: Call mom');
  // It asks first; the keyboard focus waits on Cancel, the safe choice.
  await w.getByText('Delete task 3? Saying “undo” brings it back.').waitFor();
  await screenshot(page, 'journey-3b-delete-asks');
  await expect(
    w
      .getByRole('button', { name: 'Cancel: Call mom' })
      .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
  ).resolves.toBe(true);
  await clickWidgetButton(page, 'Yes, delete: Call mom');
  await expect(w.locator('.listview').last().locator('li').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Buy milk/),
    expect.stringMatching(/Walk the dog/),
  ]);
  await say(page, 'add water the plants');
  await expect(say(page, 'delete the water the plants task')).resolves.toMatch(/deleted/i);
  expect(changesIn(await hostEvents(page)).slice(3)).toEqual([
    { action: 'completed', task_id: 1, title: 'Buy milk' },
    { action: 'completed', task_id: 2, title: 'Walk the dog' },
    { action: 'deleted', task_id: 3, title: 'Call mom' },
    { action: 'created', task_id: 4, title: 'Water the plants' },
    { action: 'deleted', task_id: 4, title: 'Water the plants' },
  ]);
  await expect(tasksOf(who.email, who.password)).resolves.toEqual([
    { id: 1, title: 'Buy milk', completed: true },
    { id: 2, title: 'Walk the dog', completed: true },
  ]);
  await screenshot(page, 'journey-4-conversation');
  const transcript = await w.locator('.log').innerText();
  const title = await w.locator('.toolbar .title').innerText();

  // A reload finds the same conversation, signed in.
  await page.reload();
  await w.locator('button.launcher').click();
  await w.locator('.msg.assistant').last().waitFor();
  await w.locator('.toolbar .title', { hasText: title }).waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);
  await screenshot(page, 'journey-5-after-reload');

  // The conversation list: rename it, start another, switch back.
  await w.getByRole('button', { name: 'Conversations' }).click();
  await w.getByRole('button', { name: `Rename “${title}”` }).click();
  await w.getByLabel('Conversation title').fill('Errands');
  await w.getByRole('button', { name: 'Save' }).click();
  await w.getByRole('button', { name: /^Errands/ }).waitFor();
  await screenshot(page, 'journey-6-thread-list');
  await w.getByRole('button', { name: 'New conversation' }).click();
  await w.getByText('What should we get done today?').waitFor();
  await say(page, 'what is pending?');
  await w.getByRole('button', { name: 'Conversations' }).click();
  const rows = w.locator('.threads li .open');
  await rows.nth(1).waitFor();
  await expect(rows.allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/^What is pending/i),
    expect.stringMatching(/^Errands/),
  ]);
  await w.getByRole('button', { name: /^Errands/ }).click();
  await w.locator('.toolbar .title', { hasText: 'Errands' }).waitFor();
  await w.locator('.msg.assistant').last().waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);

  // Deleting the other conversation asks first, then it is gone for good.
  await w.getByRole('button', { name: 'Conversations' }).click();
  await w.getByRole('button', { name: /^Delete “What is pending/i }).click();
  await w
    .getByRole('group', { name: /^Delete “What is pending/i })
    .getByRole('button', { name: 'Delete' })
    .click();
  await w.locator('.threads li .open').nth(1).waitFor({ state: 'detached' });
  await w.getByRole('button', { name: 'Back' }).click();
  await w.getByRole('button', { name: 'Conversations' }).click(); // the list as the server has it now
  await w.locator('.threads li .open').first().waitFor();
  await expect(w.locator('.threads li .open').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/^Errands/),
  ]);
  await w.getByRole('button', { name: 'Back' }).click();

  // Sign out: back to the panel, and still signed out after a reload.
  await w.getByRole('button', { name: 'Sign out' }).click();
  await w.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(
    (await hostEvents(page)).filter((e) => e.type === 'todo-assistant-auth-change').at(-1)?.detail,
  ).toEqual({ signedIn: false });
  await page.reload();
  await w.locator('button.launcher').click();
  await w.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('what people and the server write is shown as text, never as markup', async () => {
  const url = h.hostPage('/safe', { embed: h.scriptTag() });
  const { page, context, errors } = await h.newPage(url);
  await signUpInPanel(page);
  const w = widget(page);
  const hostile = 'add <img src=x onerror="window.pwned=1"> and <b>bold</b>';
  await say(page, hostile);
  await expect(w.locator('.msg.user').last().innerText()).resolves.toBe(hostile);
  await say(page, 'show my tasks');
  await expect(w.locator('.listview li').first().innerText()).resolves.toContain(
    '<img src=x onerror="window.pwned=1">',
  );
  await expect(w.locator('img, b').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
  // The markdown subset the assistant uses does render.
  await expect(
    w.locator('.msg.assistant').last().locator('ul li, ol li, p').count(),
  ).resolves.toBeGreaterThan(0);
  // A title with asterisks inside words is quoted as it is, not turned into emphasis.
  await expect(say(page, 'add buy 2*3 boxes and 4*5 crates')).resolves.toContain('2*3 boxes and 4*5 crates');
  await expect(w.locator('.msg.assistant em').count()).resolves.toBe(0);
  // A web address in an answer is a link that opens in a new tab and cannot reach back into the page.
  await say(page, 'add read https://example.com/guide?x=1');
  const link = w.locator('.msg.assistant').last().locator('a');
  await expect(link.getAttribute('href')).resolves.toBe('https://example.com/guide?x=1');
  await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
  await expect(link.getAttribute('target')).resolves.toBe('_blank');
  expect(errors).toEqual([]);
  await context.close();
});
