import {
  cspViolations,
  Harness,
  hostEvents,
  say,
  screenshot,
  signUpInPanel,
  widget,
} from '../support/harness';

/**
 * Pages with a strict Content-Security-Policy: no inline script or style, connections only to the API. The
 * widget must work without a single violation, whether the page serves the widget's files itself ('self') or
 * loads them from the backend.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const cases = [
  {
    name: 'widget files served by the page itself',
    path: '/strict-self',
    csp: (api: string) =>
      `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${api}; img-src 'self'; base-uri 'none'; form-action 'none'`,
    embed: (api: string) =>
      `<script src="/self-hosted/todo-assistant.js" data-api-url="${api}" async></script>`,
  },
  {
    name: 'widget files loaded from the backend',
    path: '/strict-api',
    csp: (api: string) =>
      `default-src 'none'; script-src 'self' ${api}; style-src 'self'; connect-src ${api}; img-src 'self'; base-uri 'none'; form-action 'none'`,
    embed: (api: string) =>
      `<script src="${api}/widget/todo-assistant.js" data-api-url="${api}" async></script>`,
  },
];

test.each(cases)('$name: sign up, add a task, act on it, reload — no CSP violation', async (c) => {
  const api = h.backend.url;
  const url = h.hostPage(c.path, { embed: c.embed(api), headers: { 'content-security-policy': c.csp(api) } });
  const { page, context, errors } = await h.newPage(url);
  const w = widget(page);
  await signUpInPanel(page);
  await expect(say(page, 'add renew the passport')).resolves.toMatch(/renew the passport/i);
  await expect(w.locator('.workflow li:not(.undo)').last().innerText()).resolves.toMatch(
    /Added “Renew the passport” as task 1/,
  );
  await say(page, 'show my tasks');
  await w.getByRole('button', { name: 'Done: Renew the passport' }).click();
  await w.getByRole('button', { name: 'Reopen: Renew the passport' }).waitFor();
  expect((await hostEvents(page)).filter((e) => e.type === 'todo-assistant-tasks-changed')).toHaveLength(2);
  // Styles apply through constructed stylesheets: the launcher is the accent colour, not an unstyled button.
  await expect(
    w.locator('button.launcher').evaluate((b) => getComputedStyle(b).backgroundColor),
  ).resolves.toBe('rgb(67, 56, 202)');
  await screenshot(page, `csp-${c.path.slice(1)}`);
  const transcript = await w.locator('.log').innerText();
  await page.reload();
  await w.locator('button.launcher').click();
  await w.locator('.widget-item').last().waitFor();
  await expect(w.locator('.log').innerText()).resolves.toBe(transcript);
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
