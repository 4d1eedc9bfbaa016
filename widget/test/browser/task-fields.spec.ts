import { recordPageEvents } from '@todo-assistant/testing';
import { Harness, hostEvents, say, screenshot, signUpInPanel, widget } from '../support/harness';

/**
 * Due dates, priorities and tags end to end: a person in Tokyo (the browser's zone, not this machine's) adds a
 * task with a due date by chat, sees the date the assistant resolved, and finds it on the task-list widget's
 * row — due date in their zone, overdue marked, priority and tags — while the page is told the new fields.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const ZONE = 'Asia/Tokyo';

/** "Thu 10 Dec" for a day `offset` days from today in ZONE, as the backend words dates ("… 2027" in another year). */
function dayInZone(offset: number): string {
  const at = new Date(Date.now() + offset * 86_400_000);
  const part = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, ...o }).format(at);
  const label = `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'short' })}`;
  return part({ year: 'numeric' }) ===
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric' }).format(new Date())
    ? label
    : `${label} ${part({ year: 'numeric' })}`;
}

test('adds a task with a due date by chat and sees it, in the browser’s time zone, in the task list', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: ZONE });
  await recordPageEvents(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.hostPage('/', { embed: h.scriptTag() }));
  const w = widget(page);

  await signUpInPanel(page);
  const tomorrow = dayInZone(1);
  await expect(say(page, 'add dentist appointment tomorrow at 9am')).resolves.toContain(
    `Added task 1: “Dentist appointment” (due ${tomorrow}, 09:00).`,
  );
  await expect(say(page, 'make it high priority')).resolves.toContain('is now high priority');
  await expect(say(page, 'tag it as health')).resolves.toContain('with #health');
  await expect(say(page, 'add file the taxes yesterday')).resolves.toContain(
    `overdue, was due ${dayInZone(-1)}`,
  );

  await say(page, 'show my tasks');
  const rows = w.locator('.listview').last().locator('li');
  await expect(rows.allInnerTexts()).resolves.toEqual([
    expect.stringMatching(
      new RegExp(
        `Dentist appointment[\\s\\S]*Task 1 · Due ${tomorrow}, 09:00[\\s\\S]*High priority · #health`,
      ),
    ),
    expect.stringMatching(new RegExp(`File the taxes[\\s\\S]*Task 2 · Overdue · was due ${dayInZone(-1)}`)),
  ]);
  await screenshot(page, 'task-fields-list');

  // The host page hears the new fields; the stored instant is 09:00 in Tokyo.
  const changes = (await hostEvents(page))
    .filter((e) => e.type === 'todo-assistant-tasks-changed')
    .flatMap((e) => (e.detail as { changes: Array<Record<string, unknown>> }).changes);
  const updates = changes.filter((c) => c.task_id === 1 && c.action === 'updated');
  expect(updates.at(-1)).toMatchObject({
    title: 'Dentist appointment',
    priority: 'high',
    tags: ['health'],
    due_time: '09:00',
    time_zone: ZONE,
  });
  const created = changes.find((c) => c.task_id === 1 && c.action === 'created')!;
  expect(
    new Date(created.due_at as string).toLocaleString('en-GB', {
      timeZone: ZONE,
      hour: '2-digit',
      minute: '2-digit',
    }),
  ).toBe('09:00');
  expect(errors).toEqual([]);
  await context.close();
});
