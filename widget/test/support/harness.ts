import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startBackend, type RunningBackend } from './backend';
import { launchBrowser } from './browser';
import { HostSite } from './host-server';

/** Where browser tests leave their screenshots (CI keeps them as artifacts). */
export const ARTIFACTS = join(__dirname, '../../test-results');

/**
 * The host page's own script (an external file, so strict-CSP pages can run it too): records every
 * `todo-assistant-*` event and every CSP violation the page reports.
 */
const HOST_SCRIPT = `
window.hostEvents = [];
window.cspViolations = [];
for (const name of ['ready', 'open', 'close', 'tasks-changed', 'auth-change', 'error', 'thread-change', 'response-start', 'response-end']) {
  document.addEventListener('todo-assistant-' + name, (e) => window.hostEvents.push({ type: e.type, detail: e.detail ?? null }));
}
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

export interface HostPageOptions {
  /** Markup for the widget: a script tag, an element, or both. */
  embed: string;
  /** Response headers of the page (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** More host scripts, as paths served by the site, loaded before the embed. */
  scripts?: string[];
  body?: string;
}

export interface HostEvent {
  type: string;
  detail: unknown;
}

/** One backend, one host site on another origin and one browser for a spec file. */
export class Harness {
  backend!: RunningBackend;
  site = new HostSite();
  browser!: Browser;

  async start(backendEnv: Record<string, string> = {}): Promise<void> {
    await this.site.start();
    this.site.files.set('/host.js', { body: HOST_SCRIPT });
    this.backend = await startBackend({ allowedOrigins: [this.site.url], env: backendEnv });
    this.browser = await launchBrowser();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.backend?.stop();
    await this.site.stop();
  }

  /** The default embed: one script tag from the backend, as a site owner pastes it. */
  scriptTag(attrs = ''): string {
    return `<script src="${this.backend.url}/widget/todo-assistant.js" data-api-url="${this.backend.url}" ${attrs} async></script>`;
  }

  hostPage(path: string, o: HostPageOptions): string {
    const scripts = ['/host.js', ...(o.scripts ?? [])].map((s) => `<script src="${s}"></script>`).join('\n');
    return this.site.page(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Corp</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Acme Corp</h1><p>Welcome to our site.</p>${o.body ?? ''}</main>
${scripts}
${o.embed}
</body></html>`,
      o.headers,
    );
  }

  async newPage(
    url: string,
    viewport = { width: 1280, height: 800 },
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await this.browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    return { context, page, errors };
  }
}

export function widget(page: Page, selector = 'todo-assistant'): Locator {
  return page.locator(selector);
}

export async function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { hostEvents: HostEvent[] }).hostEvents);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
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

/** How many answers the page has seen end (the host page records `todo-assistant-response-end`). */
export function answersEnded(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { hostEvents: HostEvent[] }).hostEvents.filter(
        (e) => e.type === 'todo-assistant-response-end',
      ).length,
  );
}

/** Waits until one more answer than `before` has ended. */
export async function waitForAnswer(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { hostEvents: HostEvent[] }).hostEvents.filter(
        (e) => e.type === 'todo-assistant-response-end',
      ).length > n,
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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
