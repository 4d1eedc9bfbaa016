import { axe } from '@todo-assistant/testing';
import { focused, tabUntil } from '../support/a11y';
import {
  answersEnded,
  Harness,
  hostEvents,
  newCredentials,
  say,
  screenshot,
  signUpInPanel,
  waitForAnswer,
  widget,
} from '../support/harness';

/** Keyboard-only use, screen-reader semantics, and an axe-core scan of the open panel in each state. */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

test('keyboard only: open, sign up, chat, act on a task, close with Escape and get focus back', async () => {
  const url = h.hostPage('/keyboard', { embed: h.scriptTag(), body: '<a href="#about">About us</a>' });
  const { page, context, errors } = await h.newPage(url);
  const w = widget(page);
  await w.locator('button.launcher').waitFor();
  await page.keyboard.press('Tab'); // the host's link
  await tabUntil(page, /launcher/);
  await page.keyboard.press('Enter');
  await expect(w.locator('button.launcher').getAttribute('aria-expanded')).resolves.toBe('true');
  await w.locator('input#email').waitFor();
  await tabUntil(page, /^input#email/);
  await tabUntil(page, /Create an account/);
  await page.keyboard.press('Enter');
  await tabUntil(page, /^input#name/);
  const who = newCredentials();
  await page.keyboard.type(who.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await w.getByLabel('Message').waitFor();
  await tabUntil(page, /^textarea#message/); // focus lands in the composer

  let ended = await answersEnded(page);
  await page.keyboard.type('add buy oat milk');
  await page.keyboard.press('Enter');
  await waitForAnswer(page, ended);
  ended = await answersEnded(page);
  await page.keyboard.type('show my tasks');
  await page.keyboard.press('Enter');
  await waitForAnswer(page, ended);
  await expect(focused(page)).resolves.toMatch(/^textarea#message/); // still typing where they were
  await tabUntil(page, /Done: Buy oat milk/, 'Shift+Tab');
  ended = await answersEnded(page);
  await page.keyboard.press('Space');
  await waitForAnswer(page, ended);
  await w.getByRole('button', { name: 'Reopen: Buy oat milk' }).waitFor();
  // Delete asks first, with the focus on Cancel; Escape answers Cancel and the panel stays open.
  await tabUntil(page, /Delete: Buy oat milk/);
  ended = await answersEnded(page);
  await page.keyboard.press('Enter');
  await waitForAnswer(page, ended);
  await expect(focused(page)).resolves.toMatch(/Cancel: Buy oat milk/);
  ended = await answersEnded(page);
  await page.keyboard.press('Escape');
  await waitForAnswer(page, ended);
  await w.getByRole('button', { name: 'Delete: Buy oat milk' }).waitFor();
  await expect(w.getByText(/Saying “undo” brings it back/).count()).resolves.toBe(0);
  await expect(w.locator('.panel').isVisible()).resolves.toBe(true);

  // Escape steps back one level at a time: out of a rename, out of the list, then the panel closes.
  await tabUntil(page, /Conversations/, 'Shift+Tab', 40);
  await page.keyboard.press('Enter');
  await tabUntil(page, /^button\.icon-btn Rename/);
  await page.keyboard.press('Enter');
  await tabUntil(page, /^input Conversation title/, 'Tab', 1);
  await page.keyboard.press('Escape');
  await expect(focused(page)).resolves.toMatch(/^button\.open/);
  await expect(w.locator('input[name="title"]').count()).resolves.toBe(0);
  await page.keyboard.press('Escape');
  await expect(focused(page)).resolves.toMatch(/^textarea#message/);
  await expect(w.locator('.panel').isVisible()).resolves.toBe(true);

  await page.keyboard.press('Escape');
  await expect(w.locator('button.launcher').getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(w.locator('.panel').isHidden()).resolves.toBe(true);
  await expect(focused(page)).resolves.toMatch(/launcher/);
  await page.keyboard.press('Enter');
  await tabUntil(page, /^textarea#message/, 'Tab', 1);
  const types = (await hostEvents(page)).map((e) => e.type);
  expect(types.filter((t) => t === 'todo-assistant-open')).toHaveLength(2);
  expect(types.filter((t) => t === 'todo-assistant-close')).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('semantics: a labelled dialog, a real launcher button, answers announced politely', async () => {
  const url = h.hostPage('/semantics', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  const w = widget(page);
  await signUpInPanel(page);
  const dialog = w.getByRole('dialog', { name: 'Todo Assistant' });
  await expect(dialog.count()).resolves.toBe(1);
  await expect(w.locator('button.launcher').getAttribute('aria-controls')).resolves.toBe('panel');
  await expect(page.getByRole('banner').count()).resolves.toBe(0); // the page's landmarks stay the page's own
  await say(page, 'add pay the water bill');
  const status = w.locator('todo-assistant-chat [role="status"][aria-live="polite"]');
  await expect(status.innerText()).resolves.toMatch(/^Assistant: .*pay the water bill/i);
  // Who said what, for screen readers: each message is preceded by its speaker.
  await expect(w.locator('todo-assistant-chat .log .sr-only').allInnerTexts()).resolves.toEqual([
    'You said:',
    'The assistant said:',
  ]);
  await context.close();
});

test('axe-core finds no serious or critical violation in any state of the panel', async () => {
  const url = h.hostPage('/axe', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  const w = widget(page);
  const found: string[] = [];
  await w.locator('button.launcher').waitFor();
  found.push(...(await axe(page, 'launcher')));
  await w.locator('button.launcher').click();
  await w.locator('input#email').waitFor();
  found.push(...(await axe(page, 'sign-in')));
  await w.getByRole('button', { name: 'Create an account' }).click();
  await w.getByRole('button', { name: 'Create account' }).click(); // empty form: an error is shown
  await w.getByRole('alert').waitFor();
  found.push(...(await axe(page, 'sign-up with an error')));
  await signUpInPanel(page);
  found.push(...(await axe(page, 'start screen')));
  await say(page, 'add **renew** the `passport`');
  await say(page, 'show my tasks');
  found.push(...(await axe(page, 'conversation with the task list')));
  await screenshot(page, 'axe-conversation');
  await w.getByRole('button', { name: 'Conversations' }).click();
  await w.locator('.threads li .open').first().waitFor();
  found.push(...(await axe(page, 'conversation list')));
  await w
    .getByRole('button', { name: /^Rename/ })
    .first()
    .click();
  found.push(...(await axe(page, 'renaming')));
  await w.getByRole('button', { name: 'Cancel' }).click();
  await w
    .getByRole('button', { name: /^Delete “/ })
    .first()
    .click();
  found.push(...(await axe(page, 'confirming a delete')));
  await page.evaluate(() => document.querySelector('todo-assistant')!.setAttribute('theme', 'dark'));
  await w.getByRole('button', { name: 'Cancel' }).click();
  await w.getByRole('button', { name: 'Back' }).click();
  await w.locator('.widget-item').first().waitFor();
  found.push(...(await axe(page, 'dark theme')));
  await screenshot(page, 'axe-dark');
  expect(found).toEqual([]);
  await context.close();
  // Eleven states, each analysed by axe: twice the default time, for a busy CI machine.
}, 120_000);

test('on a phone the panel fills the screen, its own Close replaces the launcher, and Send can be tapped', async () => {
  const url = h.hostPage('/phone', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url, { width: 390, height: 844 }, { hasTouch: true });
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.locator('input#email').waitFor();
  await expect(w.locator('.panel').boundingBox()).resolves.toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await expect(w.locator('button.launcher').isVisible()).resolves.toBe(false);
  await screenshot(page, 'phone-sign-in');
  await signUpInPanel(page);
  const ended = await answersEnded(page);
  await w.getByLabel('Message').fill('add water the plants');
  await w.getByRole('button', { name: 'Send' }).click(); // fails when something else covers the button
  await waitForAnswer(page, ended);
  await expect(w.locator('.msg.assistant').last().innerText()).resolves.toMatch(/water the plants/i);
  await say(page, 'show my tasks');
  // Buttons a finger can hit (the mouse-sized ones are 28 px tall).
  const done = (await w.getByRole('button', { name: 'Done: Water the plants' }).boundingBox())!;
  expect(done.height).toBeGreaterThanOrEqual(40);
  await screenshot(page, 'phone-chat');
  await w.getByRole('button', { name: 'Close' }).click();
  await expect(w.locator('button.launcher').isVisible()).resolves.toBe(true);
  await context.close();
});

test('in forced colours (Windows high contrast) the launcher and the message bubbles keep an outline', async () => {
  const url = h.hostPage('/forced-colors', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  await page.emulateMedia({ forcedColors: 'active' });
  const w = widget(page);
  await signUpInPanel(page);
  await say(page, 'add buy milk');
  const border = (selector: string) =>
    w
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopStyle);
  await expect(border('button.launcher')).resolves.toBe('solid');
  await expect(border('.msg.user')).resolves.toBe('solid');
  await expect(border('.msg.assistant')).resolves.toBe('solid');
  await context.close();
});

test('on a short screen (a phone held sideways, a page zoomed to 200 %) the panel fills it too', async () => {
  const url = h.hostPage('/short', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url, { width: 900, height: 420 });
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.locator('input#email').waitFor();
  await expect(w.locator('.panel').boundingBox()).resolves.toEqual({ x: 0, y: 0, width: 900, height: 420 });
  await expect(w.locator('button.launcher').isVisible()).resolves.toBe(false);
  await context.close();
});

test('pointer users keep the focus where they are: Send becomes Stop and Send again under the pointer, sign-in problems focus the field', async () => {
  const url = h.hostPage('/pointer', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.getByRole('button', { name: 'Create an account' }).click();
  await w.getByLabel('Name').fill('Pat');
  await w.getByLabel('Email').fill('not-an-email');
  await w.getByLabel('Password').fill('long enough password');
  await w.getByRole('button', { name: 'Create account' }).click();
  await expect(w.getByRole('alert').innerText()).resolves.toBe('Enter a valid email address.');
  await expect(focused(page)).resolves.toMatch(/^input#email/);

  await signUpInPanel(page);
  const ended = await answersEnded(page);
  await w.getByLabel('Message').fill('add call the bank');
  await w.getByRole('button', { name: 'Send' }).click();
  await expect(focused(page)).resolves.toMatch(/^button\.primary (Stop the answer|Send)$/);
  await waitForAnswer(page, ended);
  await expect(focused(page)).resolves.toBe('button.primary Send');
  await context.close();
});
