import { freePort } from '@todo-assistant/testing';
import { HostSite } from '../support/host-server';
import { Harness, hostEvents, say, screenshot, signUpInPanel, widget } from '../support/harness';

/** What site owners run into: double embeds, several instances, refusals and failures shown in words. */
const h = new Harness();
const stranger = new HostSite(); // a site the backend does not allow
beforeAll(async () => {
  await h.start();
  await stranger.start();
});
afterAll(async () => {
  await stranger.stop();
  await h.stop();
});

async function signInWith(page: import('playwright-core').Page, email: string, password: string) {
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.getByLabel('Email').fill(email);
  await w.getByLabel('Password').fill(password);
  await w.getByRole('button', { name: 'Sign in' }).click();
}

test('the script loaded twice adds one assistant and no error', async () => {
  const url = h.hostPage('/twice', { embed: h.scriptTag() + h.scriptTag() });
  const { page, context, errors } = await h.newPage(url);
  await widget(page).locator('button.launcher').waitFor();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('todo-assistant').count()).resolves.toBe(1);
  await signUpInPanel(page);
  await expect(say(page, 'add one thing')).resolves.toMatch(/one thing/i);
  expect(errors).toEqual([]);
  await context.close();
});

test('two assistants on one page: one sign-in, a conversation each', async () => {
  const url = h.hostPage('/two', {
    body: `<section id="help" style="height:520px"><todo-assistant id="inline-help" mode="inline" heading="Help desk"></todo-assistant></section>
      <todo-assistant id="corner"></todo-assistant>`,
    embed: `<script src="${h.backend.url}/widget/todo-assistant.js" async></script>`,
  });
  const { page, context, errors } = await h.newPage(url);
  const inline = widget(page, '#inline-help');
  const corner = widget(page, '#corner');
  await corner.locator('button.launcher').waitFor(); // the script has run
  await expect(inline.getAttribute('api-url')).resolves.toBe(h.backend.url); // the script's origin
  await expect(page.locator('todo-assistant').count()).resolves.toBe(2); // the script added none of its own
  await signUpInPanel(page, inline);
  await say(page, 'add inline task', inline);
  await corner.locator('button.launcher').click();
  await corner.getByLabel('Message').waitFor(); // already signed in
  await corner.getByText('What should we get done today?').waitFor(); // its own conversation
  // The answer says how many; the task list under it shows which.
  await expect(say(page, 'what is pending?', corner)).resolves.toBe('You have 1 pending task.');
  await expect(corner.locator('.listview').last().innerText()).resolves.toMatch(/Inline task/);
  await page.reload();
  await widget(page, '#inline-help').locator('.msg.user').first().waitFor();
  await expect(widget(page, '#inline-help').locator('.msg.user').allInnerTexts()).resolves.toEqual([
    'add inline task',
  ]);
  expect(errors).toEqual([]);
  await context.close();
});

test('two tabs of one person: the other tab catches up with the conversation when it is looked at again', async () => {
  const url = h.hostPage('/two-tabs', { embed: h.scriptTag() });
  const { page: first, context } = await h.newPage(url);
  await signUpInPanel(first);
  await say(first, 'add buy milk');
  const second = await context.newPage(); // same browser, same sign-in, same remembered conversation
  await second.goto(url);
  await widget(second).locator('button.launcher').click();
  await widget(second).locator('.msg.user', { hasText: 'add buy milk' }).waitFor();
  await say(first, 'add call mom');
  await second.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await widget(second).locator('.msg.user', { hasText: 'add call mom' }).waitFor();
  await expect(widget(second).locator('.msg.user').allInnerTexts()).resolves.toEqual([
    'add buy milk',
    'add call mom',
  ]);
  await context.close();
});

test('the host page controls it: show, hide, sendMessage, events', async () => {
  const url = h.hostPage('/api', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  const w = widget(page);
  await signUpInPanel(page);
  await w.evaluate((el: any) => el.hide());
  await expect(w.locator('.panel').isHidden()).resolves.toBe(true);
  await w.evaluate((el: any) => el.sendMessage('add call the plumber'));
  await expect(w.locator('.panel').isVisible()).resolves.toBe(true);
  await w.locator('.msg.assistant', { hasText: /call the plumber/i }).waitFor();
  const types = (await hostEvents(page)).map((e) => e.type);
  expect(types).toEqual(
    expect.arrayContaining(['todo-assistant-open', 'todo-assistant-close', 'todo-assistant-tasks-changed']),
  );
  await context.close();
});

test('wrong password and a taken email are said plainly in the panel', async () => {
  const url = h.hostPage('/auth-errors', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  const who = await signUpInPanel(page);
  await widget(page).getByRole('button', { name: 'Sign out' }).click();
  await widget(page).getByLabel('Email').fill(who.email);
  await widget(page).getByLabel('Password').fill('not-the-password');
  await widget(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(widget(page).getByRole('alert').innerText()).resolves.toBe('Wrong email or password.');
  // The focus stays on the button they pressed (a disabled button would have dropped it to the page).
  const focusedLabel = await page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return (el as HTMLElement | null)?.innerText?.trim();
  });
  expect(focusedLabel).toBe('Sign in');
  await widget(page).getByRole('button', { name: 'Create an account' }).click();
  await widget(page).getByLabel('Name').fill('Someone');
  await widget(page).getByLabel('Email').fill(who.email);
  await widget(page).getByLabel('Password').fill('another-password');
  await widget(page).getByRole('button', { name: 'Create account' }).click();
  await expect(widget(page).getByRole('alert').innerText()).resolves.toBe(
    'An account with this email already exists. Sign in instead.',
  );
  await context.close();
});

test('a site the backend does not allow is told so on opening, with the setting to change', async () => {
  const url = stranger.page('/', `<!doctype html><html lang="en"><body>${h.scriptTag()}</body></html>`);
  const { page, context } = await h.newPage(url);
  const warnings: string[] = [];
  page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
  await widget(page).locator('button.launcher').click();
  const message = `The origin ${stranger.url} is not allowed. Add it to ALLOWED_ORIGINS on the backend, or to a site's origins (npm run sites -- update <site> --origin ${stranger.url}).`;
  // Before anyone fills in a form for nothing.
  await expect(widget(page).getByRole('alert').locator('p').innerText()).resolves.toBe(message);
  await expect(widget(page).locator('todo-assistant-sign-in').count()).resolves.toBe(0);
  expect(warnings).toContain(`<todo-assistant>: ${message}`);
  expect((await hostEvents(page)).find((e) => e.type === 'todo-assistant-error')?.detail).toEqual({
    code: 'origin_not_allowed',
    message,
  });
  await context.close();
});

test('a backend that is down is named, not a silent failure', async () => {
  const down = `http://127.0.0.1:${await freePort()}`;
  const url = h.hostPage('/down', {
    embed: `<script src="${h.backend.url}/widget/todo-assistant.js" data-api-url="${down}" async></script>`,
  });
  const { page, context } = await h.newPage(url);
  await signInWith(page, 'a@example.test', 'whatever-password');
  await expect(widget(page).getByRole('alert').innerText()).resolves.toContain(
    `Can't reach the assistant at ${down}`,
  );
  await context.close();
});

test('a session that ended sends the user back to sign in, with a reason', async () => {
  const url = h.hostPage('/ended', { embed: h.scriptTag() });
  const { page, context } = await h.newPage(url);
  await signUpInPanel(page);
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('todo-assistant:session:'))!;
    return (JSON.parse(localStorage.getItem(key)!) as { token: string }).token;
  });
  // The session is revoked elsewhere (signed out on another device).
  await fetch(`${h.backend.url}/api/auth/sign-out`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: h.site.url },
  });
  await page.reload(); // the short-lived JWT lived in memory only
  await widget(page).locator('button.launcher').click();
  await expect(widget(page).locator('todo-assistant-sign-in p.muted').innerText()).resolves.toBe(
    'Your session ended. Please sign in again.',
  );
  await context.close();
});

test('a host that signs its users in: nobody signed in yet', async () => {
  h.site.files.set('/no-user.js', {
    body: "customElements.whenDefined('todo-assistant').then(() => { document.querySelector('todo-assistant').getToken = async () => null; });",
  });
  const url = h.hostPage('/host-no-user', { embed: h.scriptTag(), scripts: ['/no-user.js'] });
  const { page, context } = await h.newPage(url);
  await widget(page).locator('button.launcher').click();
  await widget(page).getByText('Sign in to this site to use the assistant.').waitFor();
  await expect(widget(page).locator('todo-assistant-sign-in').count()).resolves.toBe(0);
  expect((await hostEvents(page)).find((e) => e.type === 'todo-assistant-auth-change')?.detail).toEqual({
    signedIn: false,
  });
  await context.close();
});

test("a right-to-left page gets the launcher and the panel on its side; the panel's content follows its language", async () => {
  const url = h.hostPage('/rtl', { embed: h.scriptTag() });
  h.site.files.set('/rtl', {
    ...h.site.files.get('/rtl')!,
    body: h.site.files.get('/rtl')!.body.replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
  });
  const { page, context } = await h.newPage(url);
  const w = widget(page);
  await signUpInPanel(page);
  await say(page, 'add water the plants');
  const launcher = (await w.locator('button.launcher').boundingBox())!;
  const panel = (await w.locator('.panel').boundingBox())!;
  let mine = (await w.locator('.msg.user').last().boundingBox())!;
  expect(launcher.x).toBeLessThan(100);
  expect(panel.x).toBeLessThan(100);
  const direction = (selector: string) =>
    w
      .locator(selector)
      .last()
      .evaluate((el) => getComputedStyle(el).direction);
  await expect(w.locator('.panel').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
  // The widget speaks English here (the browser's language): its content reads left to right, the user's own
  // messages at the end side (the right).
  await expect(direction('.body')).resolves.toBe('ltr');
  expect(panel.x + panel.width - (mine.x + mine.width)).toBeLessThan(40);
  await screenshot(page, 'rtl');
  // In Arabic the content is mirrored: the user's messages at the left; English text inside still reads left to
  // right (its punctuation stays where it belongs).
  await w.evaluate((el) => el.setAttribute('locale', 'ar'));
  await w.locator('.body[dir="rtl"]').waitFor();
  mine = (await w.locator('.msg.user').last().boundingBox())!;
  expect(mine.x - panel.x).toBeLessThan(40);
  await expect(direction('.msg.user')).resolves.toBe('ltr');
  await expect(direction('.msg.assistant')).resolves.toBe('ltr');
  await screenshot(page, 'rtl-arabic');
  await context.close();
});

test("a site's accent colour alone gets readable text on it, in either theme", async () => {
  const url = h.hostPage('/accent', {
    body: `<todo-assistant id="teal" theme="dark"></todo-assistant><todo-assistant id="yellow" mode="inline" theme="light"></todo-assistant>`,
    embed: `<style>#teal { --todo-assistant-accent: #0f766e } #yellow { --todo-assistant-accent: #facc15 }</style>
      <script src="${h.backend.url}/widget/todo-assistant.js" async></script>`,
  });
  const { page, context } = await h.newPage(url);
  const teal = widget(page, '#teal');
  await teal.locator('button.launcher').click();
  await teal.locator('input#email').waitFor();
  await expect(teal.locator('button.launcher').evaluate((el) => getComputedStyle(el).color)).resolves.toBe(
    'rgb(255, 255, 255)', // the dark theme's default text on the accent is near-black: unreadable on teal
  );
  const yellow = widget(page, '#yellow');
  await yellow.locator('input#email').waitFor();
  await expect(yellow.locator('button.submit').evaluate((el) => getComputedStyle(el).color)).resolves.toBe(
    'rgb(11, 16, 32)',
  ); // white on yellow would be unreadable
  await screenshot(page, 'accent-teal-dark-yellow-light');
  await context.close();
});
