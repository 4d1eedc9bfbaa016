import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
// Only the browser and axe modules of the shared test helpers: their page module brings DOM types into this Node
// program, whose fetch they retype. For the same reason, code run in the page is given as strings.
import { axe } from '@todo-assistant/testing/src/axe';
import { launchBrowser } from '@todo-assistant/testing/src/browser';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoopbackRedirect, MemoryOAuthProvider } from '../support/mcp-oauth';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp } from '../support/users';

/**
 * The sign-in and consent pages an MCP client sends a person to (backend/public/oauth), in Chromium: the official
 * MCP SDK client asks, the person answers in the browser, and the browser brings the answer to the client's
 * loopback redirect. Every page is checked for CSP violations and script errors after each test.
 */
const ARTIFACTS = join(__dirname, '../../test-results');
// `UPDATE_SCREENSHOT=1 npx jest test/oauth/pages.browser.spec.ts` refreshes the README's picture of the consent page.
const README_SCREENSHOT = join(__dirname, '../../../docs/mcp-consent.png');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let t: TestApp;
let browser: Browser;
const redirect = new LoopbackRedirect();
const clients: Client[] = [];
/**
 * What went wrong in the running test's pages, checked after it: CSP violations (reported by each document to a
 * binding, so that those of a page since left count too), uncaught errors, errors logged to the console.
 */
let problems: string[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchBrowser(), redirect.start()]);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await browser?.close();
  await redirect.stop();
  await t?.close();
});

afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen).toEqual([]);
});

async function newContext(options: { phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? PHONE : DESKTOP,
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    colorScheme: 'light',
    locale: 'en-US',
  });
  // Bindings and init scripts are the browser's own: the pages' CSP does not apply to them.
  await context.exposeFunction('reportCspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' at ' + location.pathname));`,
  });
  return context;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A 401 is an answer the page shows (a wrong password); anything else logged as an error is a problem.
    if (m.type() === 'error' && !/status of 401/.test(m.text()))
      problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  return page;
}

/**
 * An MCP client (the official SDK) connecting to /mcp: it gets the 401, discovers the authorization server,
 * registers, and asks the "browser" to open the authorization URL, which this answers.
 */
async function connectClient(name: string) {
  const mcpUrl = new URL(`${t.url}/mcp`);
  let authorizeUrl: URL | undefined;
  const provider = new MemoryOAuthProvider(
    redirect.url,
    (url) => {
      authorizeUrl = url;
    },
    undefined,
    name,
  );
  const first = new Client({ name, version: '1.0.0' });
  await expect(
    first.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider })),
  ).rejects.toBeInstanceOf(UnauthorizedError);
  await first.close();
  expect(authorizeUrl).toBeDefined();
  return {
    provider,
    authorizeUrl: authorizeUrl!,
    /** The client's end, once the browser brought the code: tokens, then a connected client. */
    async finish(code: string): Promise<Client> {
      await new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }).finishAuth(code);
      const client = new Client({ name, version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
      clients.push(client);
      return client;
    },
  };
}

/** Waits until the browser lands on the client's loopback redirect, and answers what it brought. */
async function landedOnRedirect(page: Page): Promise<URLSearchParams> {
  await page.waitForURL((u) => u.href.startsWith(redirect.url));
  const query = new URL(page.url()).searchParams;
  // The client's own listener got it (what a desktop client reads), not only the address bar.
  expect(redirect.received.map(String)).toContain(query.toString());
  return query;
}

/** The focused element, described: `input#email`, `button#allow Allow`. */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    return (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.innerText || '').trim()).trim();
  })()`);
}

/** Saves a screenshot of the page into test-results/. */
async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

async function tabTo(page: Page, pattern: RegExp, key = 'Tab', max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${pattern}; focus is on "${await focused(page)}"`);
}

async function consentShows(page: Page, client: string) {
  await page.waitForURL(/\/oauth\/consent\?/);
  // The page asks for the client's name once loaded.
  await page.getByRole('heading', { level: 1, name: `${client} wants access to your tasks` }).waitFor();
  const scopes = page.getByRole('list', { name: /will be able to/ }).getByRole('listitem');
  await expect(scopes.allInnerTexts()).resolves.toEqual([
    expect.stringContaining('Read your tasks'),
    expect.stringContaining('Change your tasks'),
    expect.stringContaining('Stay connected'),
  ]);
}

const person = {
  name: 'Ada Lovelace',
  email: 'ada.lovelace@example.test',
  password: 'correct-horse-battery',
};
/** The context of the person of the first two tests: signed in after the first. */
let adaContext: BrowserContext;

test('(a) not signed in: the login page names the client, the person signs up and allows, the SDK gets its tools', async () => {
  const acme = await connectClient('Acme Desktop');
  adaContext = await newContext();
  const page = await newPage(adaContext);
  await page.goto(acme.authorizeUrl.href);
  await page.waitForURL(/\/oauth\/login\?/);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Sign in');
  await page.getByText('Sign in to connect Acme Desktop to your tasks.').waitFor();
  await screenshot(page, 'oauth-login');

  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Create your account');
  await page.getByText('Create an account to connect Acme Desktop to your tasks.').waitFor();
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await consentShows(page, 'Acme Desktop');
  await page.getByText(person.email).waitFor(); // who is signed in
  const path = await screenshot(page, 'oauth-consent-light');
  if (process.env.UPDATE_SCREENSHOT) {
    mkdirSync(join(README_SCREENSHOT, '..'), { recursive: true });
    copyFileSync(path, README_SCREENSHOT);
  }

  await page.getByRole('button', { name: 'Allow' }).click();
  const answer = await landedOnRedirect(page);
  expect(answer.get('error')).toBeNull();
  expect(answer.get('state')).toBe(acme.authorizeUrl.searchParams.get('state'));
  expect(answer.get('iss')).toBe(t.url);
  const client = await acme.finish(answer.get('code')!);
  const added = await client.callTool({ name: 'add_task', arguments: { title: 'Water the plants' } });
  expect(added.isError).toBeFalsy();
  const listed = await client.callTool({ name: 'list_tasks', arguments: {} });
  expect(JSON.stringify(listed.content)).toContain('Water the plants');
});

test('(b) already signed in, a second client: straight to the consent; Deny sends access_denied', async () => {
  if (!adaContext) throw new Error('(b) continues (a): run them together');
  const beta = await connectClient('Beta Sync');
  const page = await newPage(adaContext);
  const visited: string[] = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && visited.push(new URL(f.url()).pathname));
  await page.goto(beta.authorizeUrl.href);
  await consentShows(page, 'Beta Sync');
  await page.getByText(person.email).waitFor();
  await page.getByRole('button', { name: 'Deny' }).click();
  const answer = await landedOnRedirect(page);
  expect(answer.get('error')).toBe('access_denied');
  expect(answer.get('code')).toBeNull();
  expect(answer.get('state')).toBe(beta.authorizeUrl.searchParams.get('state'));
  expect(visited).not.toContain('/oauth/login');
  expect(visited[0]).toBe('/oauth/consent');
  await adaContext.close();
});

test('(c) a wrong password: "Wrong email or password." in an alert, and the focus back in a field', async () => {
  const u = await signUp(t.url, 'Grace');
  const gamma = await connectClient('Gamma CLI');
  const page = await newPage(await newContext());
  await page.goto(gamma.authorizeUrl.href);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  await expect(alert.innerText()).resolves.toBe('Wrong email or password.');
  await expect(focused(page)).resolves.toMatch(/^input#(email|password)/);
  await expect(page.getByLabel('Email').inputValue()).resolves.toBe(u.email);
  await screenshot(page, 'oauth-login-error');
  // The right one then goes through.
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await consentShows(page, 'Gamma CLI');
  await page.getByText(u.email).waitFor();

  // Not Grace at this computer: "Switch account" signs her out and asks again, the same request in hand.
  const other = await signUp(t.url, 'Hopper');
  await page.getByRole('button', { name: 'Switch account' }).click();
  await page.waitForURL(/\/oauth\/login\?/);
  await page.getByText('Sign in to connect Gamma CLI to your tasks.').waitFor();
  await page.getByLabel('Email').fill(other.email);
  await page.getByLabel('Password').fill(other.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await consentShows(page, 'Gamma CLI');
  await page.getByText(other.email).waitFor();
  await page.context().close();
});

test('(d) keyboard only: sign in and allow with Tab and Enter', async () => {
  const u = await signUp(t.url, 'Kay');
  const delta = await connectClient('Delta Agent');
  const page = await newPage(await newContext());
  await page.goto(delta.authorizeUrl.href);
  await page.getByText('Sign in to connect Delta Agent to your tasks.').waitFor();
  await tabTo(page, /^input#email/);
  await page.keyboard.type(u.email);
  await page.keyboard.press('Tab');
  await expect(focused(page)).resolves.toMatch(/^input#password/);
  await page.keyboard.type(u.password);
  await page.keyboard.press('Enter');
  await consentShows(page, 'Delta Agent');
  // Nothing answers for the person: the focus is not waiting on Allow for a stray Enter.
  expect(await focused(page)).not.toMatch(/allow/);
  await tabTo(page, /^button#deny/);
  await tabTo(page, /^button#allow/);
  await page.keyboard.press('Enter');
  const answer = await landedOnRedirect(page);
  const client = await delta.finish(answer.get('code')!);
  expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('list_tasks');
  await page.context().close();
});

test('(e) axe-core: no serious or critical finding on sign-in, sign-up and consent, light and dark', async () => {
  const u = await signUp(t.url, 'Lin Wei', `lin.wei.${randomUUID().slice(0, 8)}@example.test`);
  const epsilon = await connectClient('Epsilon Notes');
  const context = await newContext();
  const page = await newPage(context);
  // Reduced motion: the buttons' 0.15 s colour transition would let axe read colours halfway between schemes.
  const both = async (state: string) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const light = await axe(page, `${state} (light)`);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    return [...light, ...(await axe(page, `${state} (dark)`))];
  };
  await page.goto(epsilon.authorizeUrl.href);
  await page.getByText('Sign in to connect Epsilon Notes to your tasks.').waitFor();
  const findings = await both('sign-in');
  await page.getByRole('button', { name: 'Create an account' }).click();
  findings.push(...(await both('sign-up')));
  await screenshot(page, 'oauth-signup-dark');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click(); // back to signing in
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await consentShows(page, 'Epsilon Notes');
  await page.getByText(u.email).waitFor();
  findings.push(...(await both('consent')));
  await screenshot(page, 'oauth-consent-dark'); // still dark
  expect(findings).toEqual([]);
  await context.close();
}, 60_000); // six scans

// (f) — no CSP violation, no script error — is checked after every test, for every page it opened (afterEach).
test('(f) the pages come with their strict CSP and their own files only, and nothing is refused', async () => {
  const zeta = await connectClient('Zeta');
  const context = await newContext();
  const page = await newPage(context);
  const login = page.waitForResponse((r) => new URL(r.url()).pathname === '/oauth/login');
  await page.goto(zeta.authorizeUrl.href);
  const csp = (await login).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await page.getByText('Sign in to connect Zeta to your tasks.').waitFor();
  // The stylesheet and the script applied (neither inline): the card has its look, the script its text.
  const radius = await page.evaluate<string>(
    `getComputedStyle(document.querySelector('.card')).borderRadius`,
  );
  expect(radius).toBe('16px');
  // The pages exist only with their headers: the assets route serves their scripts, stylesheet and icon, no page.
  for (const file of ['login.html', 'consent.html']) {
    expect((await fetch(`${t.url}/oauth/assets/${file}`)).status).toBe(404);
  }
  const script = await fetch(`${t.url}/oauth/assets/consent.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  await context.close();
});

test('(g) a phone: the card fits the screen and is usable by touch', async () => {
  const u = await signUp(t.url, 'Mo Farah', `mo.farah.${randomUUID().slice(0, 8)}@example.test`);
  const eta = await connectClient('Eta Mobile');
  const context = await newContext({ phone: true });
  const page = await newPage(context);
  await page.goto(eta.authorizeUrl.href);
  await page.getByText('Sign in to connect Eta Mobile to your tasks.').waitFor();
  const noSideways = () =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
  await expect(noSideways()).resolves.toBe(true);
  await page.getByLabel('Email').tap();
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await screenshot(page, 'oauth-login-phone');
  await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
  await consentShows(page, 'Eta Mobile');
  await page.getByText(u.email).waitFor();
  await expect(noSideways()).resolves.toBe(true);
  for (const name of ['Allow', 'Deny']) {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(40); // a finger's target
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height); // on the screen without scrolling
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await screenshot(page, 'oauth-consent-phone');
  await page.getByRole('button', { name: 'Allow' }).tap();
  const answer = await landedOnRedirect(page);
  expect(answer.get('code')).toBeTruthy();
  await context.close();
});
