import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  recordPageEvents,
  screenshot as saveScreenshot,
  startBackend,
  type RunningBackend,
} from '@todo-assistant/testing';
import { HostSite } from './host-server';

export {
  answersEnded,
  cspViolations,
  hostEvents,
  newCredentials,
  say,
  signUpInPanel,
  waitForAnswer,
  widget,
  type PageEvent as HostEvent,
} from '@todo-assistant/testing';

/** Where browser tests leave their screenshots (CI keeps them as artifacts). */
export const ARTIFACTS = join(__dirname, '../../test-results');

export interface HostPageOptions {
  /** Markup for the widget: a script tag, an element, or both. */
  embed: string;
  /** Response headers of the page (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Host scripts, as paths served by the site, loaded before the embed. */
  scripts?: string[];
  body?: string;
}

/** One backend, one host site on another origin and one browser for a spec file. */
export class Harness {
  backend!: RunningBackend;
  site = new HostSite();
  browser!: Browser;

  /** `browserArgs`: more Chromium switches (a fake microphone). */
  async start(backendEnv: Record<string, string> = {}, browserArgs: string[] = []): Promise<void> {
    await this.site.start();
    this.backend = await startBackend({ allowedOrigins: [this.site.url], env: backendEnv });
    this.browser = await launchBrowser(browserArgs);
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
    const scripts = (o.scripts ?? []).map((s) => `<script src="${s}"></script>`).join('\n');
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
    options: { hasTouch?: boolean; locale?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await this.browser.newContext({ viewport, ...options });
    await recordPageEvents(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    return { context, page, errors };
  }
}

export function screenshot(page: Page, name: string): Promise<string> {
  return saveScreenshot(page, ARTIFACTS, name);
}
