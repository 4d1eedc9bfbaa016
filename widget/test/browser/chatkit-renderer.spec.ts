import type { Page } from 'playwright-core';
import { Harness, hostEvents, widget } from '../support/harness';

/**
 * The `chatkit` renderer against a stand-in `<openai-chatkit>` (ChatKit's real script is only on OpenAI's CDN).
 * The stand-in follows the @openai/chatkit type definitions: `setOptions` replaces the options, events are
 * `chatkit.*` CustomEvents, and protocol requests go through `options.api.fetch` — here to the real backend.
 */
const h = new Harness();
let session = '';

/** The stand-in, as a script the host serves at the `chatkit-src` URL. */
const STAND_IN = `
window.chatkitOptions = [];
window.chatkitResponses = [];
class StandInChatKit extends HTMLElement {
  setOptions(options) {
    window.chatkitOptions.push(options);
    this.options = options;
    if (!this.readySent) { this.readySent = true; setTimeout(() => this.emit('chatkit.ready')); }
  }
  emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail })); }
  async focusComposer() {}
  async setThreadId(id) { this.emit('chatkit.thread.change', { threadId: id }); }
  async sendUserMessage({ text }) {
    const { url, fetch } = this.options.api;
    const threadId = this.threadId;
    const body = threadId
      ? { type: 'threads.add_user_message', params: { thread_id: threadId, input: { content: [{ type: 'input_text', text }], attachments: [], inference_options: {} } } }
      : { type: 'threads.create', params: { input: { content: [{ type: 'input_text', text }], attachments: [], inference_options: {} } } };
    this.emit('chatkit.response.start');
    const res = await fetch(url, { method: 'POST', headers: new Headers({ 'content-type': 'application/json', accept: 'text/event-stream' }), body: JSON.stringify(body) });
    const raw = await res.text();
    window.chatkitResponses.push({ status: res.status, raw });
    for (const frame of raw.split('\\n\\n')) {
      if (!frame.startsWith('data: ')) continue;
      const ev = JSON.parse(frame.slice(6));
      if (ev.type === 'thread.created') { this.threadId = ev.thread.id; this.emit('chatkit.thread.change', { threadId: ev.thread.id }); }
      if (ev.type === 'client_effect') this.emit('chatkit.effect', { name: ev.name, data: ev.data });
    }
    this.emit('chatkit.response.end');
  }
  async sendCustomAction() {}
  async setComposerValue() {}
  async showHistory() {}
  async hideHistory() {}
  async fetchUpdates() {}
}
customElements.define('openai-chatkit', StandInChatKit);
`;

beforeAll(async () => {
  await h.start();
  h.site.files.set('/chatkit-stand-in.js', { body: STAND_IN });
  h.site.files.set('/never-defines.js', { body: 'window.loadedButSilent = true;' });
  h.site.files.set('/missing.js', { body: 'not found', status: 404 });
  // A signed-in user of the host site; the host hands the widget JWTs (the first one stale, to force a 401).
  const res = await fetch(`${h.backend.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.site.url },
    body: JSON.stringify({
      email: `host-${Date.now()}@example.test`,
      password: 'correct-horse-battery',
      name: 'Grace',
    }),
  });
  session = res.headers.get('set-auth-token')!;
  h.site.files.set('/host-auth.js', {
    body: `
window.getTokenCalls = [];
// The host's cached token has expired; it fetches a new one only when asked to refresh.
customElements.whenDefined('todo-assistant').then(() => {
  document.querySelector('todo-assistant').getToken = async ({ refresh }) => {
    window.getTokenCalls.push(refresh);
    if (!refresh) return 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.stale';
    const res = await fetch('${h.backend.url}/api/auth/token', { headers: { authorization: 'Bearer ${session}' } });
    return (await res.json()).token;
  };
});`,
  });
});
afterAll(() => h.stop());

function page(path: string, attrs: string, scripts: string[] = ['/host-auth.js']) {
  return h.hostPage(path, {
    embed: h.scriptTag(attrs),
    scripts,
    body: '<style></style>',
  });
}

async function options(p: Page) {
  return p.evaluate(() => {
    const all = (window as unknown as { chatkitOptions: Array<Record<string, any>> }).chatkitOptions;
    const o = all[all.length - 1];
    return {
      count: all.length,
      ...o,
      api: { url: o.api.url, domainKey: o.api.domainKey, fetch: typeof o.api.fetch },
    };
  });
}

test('drives <openai-chatkit>: complete options, bearer token, one retry after a 401, events forwarded', async () => {
  const url = page(
    '/chatkit',
    'data-domain-key="domain_pk_test" data-chatkit-src="/chatkit-stand-in.js" data-locale="fr-FR" data-placeholder="Que faut-il faire ?"',
  );
  const { page: p, context, errors } = await h.newPage(url);
  const w = widget(p);
  await w.locator('button.launcher').click();
  await w.locator('openai-chatkit').waitFor({ state: 'attached' });
  await p.waitForFunction(() =>
    (window as any).hostEvents.some((e: any) => e.type === 'todo-assistant-ready'),
  );
  expect((await hostEvents(p)).find((e) => e.type === 'todo-assistant-ready')?.detail).toEqual({
    renderer: 'chatkit',
  });

  const o = await options(p);
  expect(o).toMatchObject({
    count: 1,
    api: { url: `${h.backend.url}/api/chatkit`, domainKey: 'domain_pk_test', fetch: 'function' },
    locale: 'fr-FR',
    frameTitle: 'Assistant de tâches', // the defaults in the widget's language (locale)
    initialThread: null,
    history: { enabled: true, showDelete: true, showRename: true },
    composer: { placeholder: 'Que faut-il faire ?' },
    startScreen: {
      greeting: 'Qu’allons-nous accomplir aujourd’hui ?',
      prompts: expect.arrayContaining([
        {
          label: 'Ajoute une tâche pour faire les courses',
          prompt: 'Ajoute une tâche pour faire les courses',
          icon: 'sparkle',
        },
      ]),
    },
    theme: {
      colorScheme: 'light',
      radius: 'round',
      color: {
        accent: { primary: '#4338ca', level: 1 },
        surface: { background: '#fff', foreground: '#1f2937' },
      },
    },
  });

  // A message through ChatKit's fetch: the stale token is refused, a fresh one is fetched, the request is retried once.
  const sent: Array<{ auth: string | undefined; status?: number }> = [];
  p.on('request', (r) => {
    if (r.url().endsWith('/api/chatkit') && r.method() === 'POST')
      sent.push({ auth: r.headers().authorization });
  });
  p.on('response', (r) => {
    if (r.url().endsWith('/api/chatkit') && r.request().method() === 'POST')
      sent.find((s) => s.status === undefined)!.status = r.status();
  });
  // (The live stream of task events asked the host for tokens already: only this message's asks are counted.)
  const asked = await p.evaluate(() => ((window as any).getTokenCalls as boolean[]).length);
  await w.evaluate((el: any) => el.sendMessage('add book the dentist'));
  const responses = await p.evaluate(
    () => (window as any).chatkitResponses as Array<{ status: number; raw: string }>,
  );
  expect(responses).toHaveLength(1);
  expect(responses[0].status).toBe(200);
  expect(responses[0].raw).toMatch(/Book the dentist/);
  await expect(p.evaluate((n) => (window as any).getTokenCalls.slice(n), asked)).resolves.toEqual([
    false,
    true,
  ]);
  expect(sent).toEqual([
    { auth: 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.stale', status: 401 },
    { auth: expect.stringMatching(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/), status: 200 },
  ]);

  const events = await hostEvents(p);
  expect(events.find((e) => e.type === 'todo-assistant-tasks-changed')?.detail).toEqual({
    source: 'assistant',
    changes: [{ action: 'created', task_id: 1, title: 'Book the dentist', completed: false, tags: [] }],
  });
  const threadId = (
    events.find((e) => e.type === 'todo-assistant-thread-change')?.detail as { threadId: string }
  ).threadId;
  expect(threadId).toMatch(/^thr_/);
  expect(events.map((e) => e.type)).toEqual(
    expect.arrayContaining(['todo-assistant-response-start', 'todo-assistant-response-end']),
  );

  // The conversation is remembered: after a reload ChatKit is told to open it.
  await p.reload();
  await w.locator('button.launcher').click();
  await w.locator('openai-chatkit').waitFor({ state: 'attached' });
  await expect(options(p)).resolves.toMatchObject({ initialThread: threadId });
  // Another language at run time: ChatKit is given its options again, in that language.
  await w.evaluate((el) => el.setAttribute('locale', 'ur-PK'));
  await p.waitForFunction(() => (window as any).chatkitOptions.length === 2);
  await expect(options(p)).resolves.toMatchObject({
    locale: 'ur',
    frameTitle: 'کاموں کا اسسٹنٹ',
    initialThread: threadId,
    composer: { placeholder: 'Que faut-il faire ?' }, // the page's own words stay
  });
  expect(errors).toEqual([]);
  await context.close();
});

test('the theme follows the custom properties and the dark setting', async () => {
  h.site.files.set('/brand.css', {
    body: 'todo-assistant { --todo-assistant-accent: #0a7d5a; --todo-assistant-radius: 4px; }',
    type: 'text/css',
  });
  const url = h.hostPage('/chatkit-theme', {
    embed: `<link rel="stylesheet" href="/brand.css">${h.scriptTag('data-domain-key="domain_pk_test" data-chatkit-src="/chatkit-stand-in.js" data-theme="dark"')}`,
    scripts: ['/host-auth.js'],
  });
  const { page: p, context } = await h.newPage(url);
  await widget(p).locator('button.launcher').click();
  await widget(p).locator('openai-chatkit').waitFor({ state: 'attached' });
  await expect(options(p)).resolves.toMatchObject({
    theme: { colorScheme: 'dark', radius: 'soft', color: { accent: { primary: '#0a7d5a' } } },
  });
  await context.close();
});

test.each([
  { name: 'the script fails to load', src: '/missing.js', timeout: 8000 },
  { name: 'the script defines nothing in time', src: '/never-defines.js', timeout: 600 },
])('auto falls back to the built-in renderer when $name', async ({ src, timeout }) => {
  const url = page(
    `/fallback${src.replace(/\W/g, '-')}`,
    `data-domain-key="domain_pk_test" data-chatkit-src="${src}" data-chatkit-timeout="${timeout}"`,
  );
  const { page: p, context, errors } = await h.newPage(url);
  const w = widget(p);
  const started = Date.now();
  await w.locator('button.launcher').click();
  await w.getByLabel('Message').waitFor();
  expect(Date.now() - started).toBeLessThan(timeout + 5000);
  expect((await hostEvents(p)).find((e) => e.type === 'todo-assistant-ready')?.detail).toEqual({
    renderer: 'builtin',
  });
  await expect(w.locator('openai-chatkit').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('renderer="chatkit" says plainly when ChatKit cannot load', async () => {
  const url = page(
    '/chatkit-only',
    'data-renderer="chatkit" data-domain-key="domain_pk_test" data-chatkit-src="/missing.js"',
  );
  const { page: p, context } = await h.newPage(url);
  const w = widget(p);
  await w.locator('button.launcher').click();
  await expect(w.getByRole('alert').innerText()).resolves.toMatch(
    /ChatKit's script could not be loaded from \/missing\.js/,
  );
  expect((await hostEvents(p)).find((e) => e.type === 'todo-assistant-error')?.detail).toMatchObject({
    code: 'chatkit_load_failed',
  });
  await context.close();
});
