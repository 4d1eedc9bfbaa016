import { recordPageEvents } from '@todo-assistant/testing';
import { Harness, hostEvents, say, screenshot, signUpInPanel, widget } from '../support/harness';

/**
 * Undo as a person meets it on a page of another origin: the progress line of a change has an Undo button that
 * reverses it (the page hears the change), and "undo" said in the chat walks back a deletion, task number and all.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

test('undoes a deletion by chat and an addition by the Undo button on its progress line', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordPageEvents(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.hostPage('/', { embed: h.scriptTag() }));
  const w = widget(page);
  await signUpInPanel(page);

  await say(page, 'add pay rent');
  await say(page, 'add call the bank');
  await expect(say(page, 'delete the rent task')).resolves.toContain('Deleted');
  await expect(say(page, 'undo')).resolves.toMatch(/Undone: .*task 1 “Pay rent”/);
  await expect(say(page, 'show my tasks')).resolves.toBeTruthy();
  await expect(w.locator('.listview').last().locator('li').allInnerTexts()).resolves.toEqual([
    expect.stringContaining('Pay rent'),
    expect.stringContaining('Call the bank'),
  ]);

  // The button sits on the progress line of the turn that changed something, and says what it undoes.
  await say(page, 'add buy a new kettle');
  const undo = w.getByRole('button', { name: 'Undo: Added task 3 “Buy a new kettle”' });
  await expect(undo.isVisible()).resolves.toBe(true);
  await expect(w.locator('ul.workflow').last().locator('li').allInnerTexts()).resolves.toEqual([
    expect.stringContaining('Added “Buy a new kettle” as task 3'),
    expect.stringContaining('Undo'),
  ]);
  await screenshot(page, 'undo-button');
  await undo.click();
  await w.getByText('Undone: Removed task 3 “Buy a new kettle”, which had been added.').waitFor();
  await expect(undo.count()).resolves.toBe(0);
  await screenshot(page, 'undo-done');

  const deleted = (await hostEvents(page))
    .filter((e) => e.type === 'todo-assistant-tasks-changed')
    .flatMap((e) => (e.detail as { changes: Array<Record<string, unknown>> }).changes)
    .filter((c) => c.task_id === 3);
  expect(deleted.map((c) => c.action)).toEqual(['created', 'deleted']);
  expect(errors).toEqual([]);
  await context.close();
});
