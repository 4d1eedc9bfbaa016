import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface PageEvent {
  type: string;
  detail: unknown;
}

interface Recorded {
  hostEvents: PageEvent[];
  cspViolations: string[];
}

/**
 * Records, in every page of the context, each `todo-assistant-*` event the host page could hear and each CSP
 * violation it reports. An init script: it runs before the page's own scripts and is exempt from its CSP.
 */
export async function recordPageEvents(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Recorded;
    w.hostEvents = [];
    w.cspViolations = [];
    const names = [
      'ready',
      'open',
      'close',
      'tasks-changed',
      'auth-change',
      'error',
      'thread-change',
      'response-start',
      'response-end',
      'reminder',
    ];
    for (const name of names) {
      document.addEventListener(`todo-assistant-${name}`, (e) =>
        w.hostEvents.push({ type: e.type, detail: (e as CustomEvent).detail ?? null }),
      );
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

export function hostEvents(page: Page): Promise<PageEvent[]> {
  return page.evaluate(() => (window as unknown as Recorded).hostEvents);
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Recorded).cspViolations);
}

export function widget(page: Page, selector = 'todo-assistant'): Locator {
  return page.locator(selector);
}

export function newCredentials() {
  return {
    name: 'Ada Lovelace',
    email: `ada-${randomUUID()}@example.test`,
    password: 'correct-horse-battery',
  };
}

/** Opens the launcher (when there is one) and creates an account in the widget's own panel. */
export async function signUpInPanel(page: Page, w = widget(page), who = newCredentials()) {
  await w.locator('button.launcher, section.panel').first().waitFor(); // the script has run
  const launcher = w.locator('button.launcher');
  if ((await launcher.count()) && (await launcher.getAttribute('aria-expanded')) === 'false')
    await launcher.click();
  await w.locator('todo-assistant-sign-in form').waitFor();
  const toSignUp = w.getByRole('button', { name: 'Create an account' });
  if (await toSignUp.count()) await toSignUp.click();
  await w.getByLabel('Name').fill(who.name);
  await w.getByLabel('Email').fill(who.email);
  await w.getByLabel('Password').fill(who.password);
  await w.getByRole('button', { name: 'Create account' }).click();
  await w.getByLabel('Message').waitFor();
  return who;
}

/** How many answers the page has seen end (`todo-assistant-response-end`). */
export function answersEnded(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as Recorded).hostEvents.filter((e) => e.type === 'todo-assistant-response-end')
        .length,
  );
}

/** Waits until one more answer than `before` has ended. */
export async function waitForAnswer(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as Recorded).hostEvents.filter((e) => e.type === 'todo-assistant-response-end')
        .length > n,
    before,
  );
}

/** Sends a message through the composer, waits until the answer is complete and returns its text. */
export async function say(page: Page, text: string, w = widget(page)): Promise<string> {
  const replies = w.locator('.msg.assistant');
  const before = await replies.count();
  const ended = await answersEnded(page);
  await w.getByLabel('Message').fill(text);
  await w.getByLabel('Message').press('Enter');
  await waitForAnswer(page, ended);
  if ((await replies.count()) === before) throw new Error(`no answer to "${text}"`);
  return (await replies.last().innerText()).trim();
}

/** Saves a screenshot into `dir` (test artifacts). */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
