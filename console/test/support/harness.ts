import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  launchBrowser,
  recordPageEvents,
  seriousViolations,
  startBackend,
  violationTargets,
  type RunningBackend,
} from '@todo-assistant/testing';

/** Where the console's browser tests leave their screenshots (CI keeps them as artifacts). */
export const ARTIFACTS = join(__dirname, '../../test-results');
/** The README's picture of the console (refreshed with UPDATE_SCREENSHOT=1). */
export const README_SCREENSHOT = join(__dirname, '../../../docs/console.png');

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 360, height: 780 };

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(name = 'Grace Hopper'): Account {
  const first = name.split(' ')[0].toLowerCase();
  return {
    name,
    email: `${first}-${randomUUID().slice(0, 8)}@example.test`,
    password: 'correct-horse-battery',
  };
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  phone?: boolean;
  /** Cookies of a signed-in context (`context.storageState()`), to start signed in. */
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
}

/**
 * One backend (the built one, serving the built console at /console/, on a fresh PostgreSQL database) and one
 * Chromium for a spec file. Every page it opens reports CSP violations, uncaught errors and console errors into
 * `problems`, which each spec checks after each test.
 */
export class ConsoleHarness {
  backend!: RunningBackend;
  browser!: Browser;
  problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  async start(env: Record<string, string> = {}, allowedOrigins: string[] = []): Promise<void> {
    [this.backend, this.browser] = await Promise.all([
      startBackend({ allowedOrigins, env: { LOG_LEVEL: 'error', ...env } }),
      launchBrowser(),
    ]);
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.backend?.stop();
  }

  get consoleUrl(): string {
    return `${this.backend.url}/console/`;
  }

  /** A browser profile of its own (cookies, storage), whose pages report what went wrong. */
  async newContext(o: PageOptions = {}): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      viewport: o.viewport ?? (o.phone ? PHONE : DESKTOP),
      colorScheme: o.colorScheme ?? 'light',
      locale: 'en-US',
      timezoneId: 'UTC',
      ...(o.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      ...(o.storageState ? { storageState: o.storageState } : {}),
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: this.backend.url });
    // Bindings and init scripts are the browser's own: the pages' CSP does not apply to them.
    await context.exposeFunction('reportCspViolation', (v: string) =>
      this.problems.push(`CSP violation: ${v}`),
    );
    await context.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' at ' + location.href));`,
    });
    await recordPageEvents(context);
    this.contexts.push(context);
    return context;
  }

  async newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message} at ${page.url()}`));
    page.on('console', (m) => {
      // A 401 or 404 the page asked for and shows (a wrong password, another owner's site) is no problem.
      if (m.type() === 'error' && !/status of (401|404)/.test(m.text()))
        this.problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    return page;
  }

  /** Takes the problems seen so far (each test asserts there were none). */
  takeProblems(): string[] {
    const seen = this.problems;
    this.problems = [];
    return seen;
  }

  /**
   * Opens the console signed out: it sends the browser to the sign-in page, where the account is created (the
   * page's "Create an account"); the page goes back to the console, signed in.
   */
  async signUp(page: Page, who: Account, hash = ''): Promise<void> {
    await page.goto(this.consoleUrl + hash);
    await page.waitForURL(/\/oauth\/login\?return=/);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill(who.name);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => u.pathname === '/console/');
    await heading(page).waitFor();
  }

  async signIn(page: Page, who: Account, hash = ''): Promise<void> {
    await page.goto(this.consoleUrl + hash);
    await page.waitForURL(/\/oauth\/login\?return=/);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/console/');
    await heading(page).waitFor();
  }

  /** An account made over HTTP (for specs about what another account sees). */
  async signUpOverHttp(who: Account): Promise<void> {
    const res = await fetch(`${this.backend.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.backend.url },
      body: JSON.stringify(who),
    });
    if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  }
}

/** The page's main heading (each screen has one h1). */
export function heading(page: Page): Locator {
  return page.locator('h1').first();
}

/**
 * Asserts that the keyboard focus reaches `expected` (as `focused` names it) within `timeoutMs`: the console moves it
 * after a route change has rendered and loaded, which may come a little after the click that caused it.
 */
export async function expectFocus(page: Page, expected: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let now = await focused(page);
  while (now !== expected && Date.now() < until) {
    await page.waitForTimeout(50);
    now = await focused(page);
  }
  expect(now).toBe(expected);
}

/** What has the keyboard focus, through shadow roots: `h1 Sites`, `button Copy the script tag`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return '';
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
    return `${el.localName} ${name.trim().replace(/\s+/g, ' ')}`.trim();
  });
}

/** The axe rules about colours alone: what differs between the light and the dark scheme of the same page. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core on the page as it is (every rule, or these): the serious and critical findings, described. In one pass
 * over the page (legacy mode): the console has no frames, and the default mode opens a page of its own each time.
 */
export async function axeFindings(page: Page, rules?: string[]): Promise<string[]> {
  const violations = await seriousViolations(page, { rules, legacyMode: true });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${violationTargets(v)}`);
}

/** Saves a screenshot into test-results/ (full page unless said otherwise). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // A full page is taken from the top (a sticky bar scrolled along would sit in the middle of it).
  if (fullPage) await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path, fullPage });
  return path;
}

/** Saves a screenshot of one element (a section of a page) into test-results/, cut out of the full page. */
export async function elementScreenshot(page: Page, element: Locator, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // From the top, as `screenshot` does: scrolled to the element, the sticky bar would sit over it.
  await page.evaluate(() => scrollTo(0, 0));
  const box = await element.boundingBox();
  if (!box) throw new Error(`${name}: the element is not on the page`);
  await page.screenshot({ path, fullPage: true, clip: box });
  return path;
}

/** Until the console's status message (the toast) is gone, so a screenshot shows the page alone. */
export async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('console-app')?.shadowRoot?.querySelector('.toast')?.textContent?.trim(),
    undefined,
    { timeout: 10_000 },
  );
}

/** What the page's clipboard holds (the context may read it: see newContext). */
export function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Calls the backend from the console's page with its own bearer token, as the console does. */
export async function asConsole(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { token } = (await (await fetch('/api/auth/token')).json()) as { token: string };
      const res = await fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}
