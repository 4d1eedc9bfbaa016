import type { Page } from 'playwright-core';
import { recordPageEvents } from '@todo-assistant/testing';
import {
  answersEnded,
  Harness,
  newCredentials,
  say,
  signUpInPanel,
  waitForAnswer,
  widget,
} from '../support/harness';

/**
 * Stop, retry and long conversations. The page's fetch is wrapped (before the widget loads) so a test can slow
 * the answer stream down or cut it with an error event, while every request still reaches the real backend.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const REFUSED =
  "The AI model refused this assistant's access (its key, model or quota). Trying again will not help until the assistant's settings are fixed.";

const FETCH_WRAPPER = (REFUSED: string) => {
  const w = window as unknown as { streamMode?: 'slow' | 'cut' | 'refused'; chatkitTypes: string[] };
  w.chatkitTypes = [];
  const real = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await real(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/api/chatkit') || typeof init?.body !== 'string') return res;
    w.chatkitTypes.push((JSON.parse(init.body) as { type: string }).type);
    const mode = w.streamMode;
    if (!mode || !res.headers.get('content-type')?.startsWith('text/event-stream')) return res;
    w.streamMode = undefined; // one request only
    const frames = (await res.text()).split('\n\n').filter(Boolean);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const frame of frames) {
          const event = JSON.parse(frame.slice('data: '.length)) as { type: string; item?: { type: string } };
          controller.enqueue(encoder.encode(`${frame}\n\n`));
          if (mode !== 'slow' && event.type === 'thread.item.done' && event.item?.type === 'user_message') {
            // `refused`: what the backend sends when the model refused the site's settings (a wrong key).
            const error =
              mode === 'cut'
                ? { type: 'error', code: 'stream.error', allow_retry: true }
                : { type: 'error', code: 'custom', message: REFUSED, allow_retry: false };
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(error)}\n\n`));
            controller.close();
            return;
          }
          if (mode === 'slow') await new Promise((r) => setTimeout(r, 400));
        }
        controller.close();
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
};

async function openPage(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const url = h.hostPage(path, { embed: h.scriptTag() });
  const context = await h.browser.newContext();
  await recordPageEvents(context);
  await context.addInitScript(FETCH_WRAPPER, REFUSED);
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

/** Sends `text` with its answer stream ending in an error of `mode` after the user's message, and waits for it. */
async function sendWithStreamEnding(page: Page, mode: 'cut' | 'refused', text: string): Promise<void> {
  await page.evaluate((m) => ((window as unknown as { streamMode: string }).streamMode = m), mode);
  const ended = await answersEnded(page);
  await widget(page).getByLabel('Message').fill(text);
  await widget(page).getByLabel('Message').press('Enter');
  await waitForAnswer(page, ended);
}

async function tasks(page: Page): Promise<string[]> {
  await say(page, 'show all my tasks');
  return widget(page).locator('.listview').last().locator('li .text').allInnerTexts();
}

test('Stop ends a streaming answer; what arrived stays and the next message works', async () => {
  const { page, close } = await openPage('/stop');
  const w = widget(page);
  await signUpInPanel(page);
  await page.evaluate(() => ((window as unknown as { streamMode: string }).streamMode = 'slow'));
  const ended = await answersEnded(page);
  await w.getByLabel('Message').fill('add sharpen the pencils');
  await w.getByLabel('Message').press('Enter');
  await w.locator('.workflow').first().waitFor(); // the assistant is at work
  await w.getByRole('button', { name: 'Stop the answer' }).click();
  await w.getByText('Stopped.').waitFor(); // said at once, not when the server has caught up
  await waitForAnswer(page, ended);
  await w.getByRole('button', { name: 'Send' }).waitFor();
  await expect(w.locator('.msg.user').allInnerTexts()).resolves.toEqual(['add sharpen the pencils']);
  await expect(w.locator('[role="alert"]').count()).resolves.toBe(0); // stopping is not an error
  await expect(say(page, 'what is pending?')).resolves.toBe('You have 1 pending task.');
  await expect(w.locator('.listview').last().innerText()).resolves.toMatch(/Sharpen the pencils/);
  await close();
});

test('an answer cut by an error offers Retry, which answers without doing the work twice', async () => {
  const { page, close } = await openPage('/retry');
  const w = widget(page);
  await signUpInPanel(page);
  await sendWithStreamEnding(page, 'cut', 'add feed the cat');
  const alert = w.getByRole('alert');
  await expect(alert.innerText()).resolves.toMatch(/The assistant could not finish its answer\.\s*Retry/);
  const again = await answersEnded(page);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForAnswer(page, again);
  await expect(w.locator('.msg.assistant').last().innerText()).resolves.toMatch(/feed the cat/i);
  await expect(w.locator('[role="alert"]').count()).resolves.toBe(0);
  await expect(
    page.evaluate(() => (window as unknown as { chatkitTypes: string[] }).chatkitTypes),
  ).resolves.toContain('threads.retry_after_item');
  await expect(tasks(page)).resolves.toEqual(['Feed the cat']);
  await close();
});

test('a turn the model refused says so in its words and offers no Retry; the message stays', async () => {
  const { page, close } = await openPage('/refused');
  const w = widget(page);
  await signUpInPanel(page);
  await sendWithStreamEnding(page, 'refused', 'add feed the cat');
  const alert = w.getByRole('alert');
  await expect(alert.innerText()).resolves.toContain(REFUSED);
  await expect(alert.getByRole('button', { name: 'Retry' }).count()).resolves.toBe(0);
  await expect(w.locator('.msg.user').allInnerTexts()).resolves.toEqual(['add feed the cat']);
  await w.getByLabel('Message').waitFor(); // the user can still write
  await close();
});

test("a task-list button whose request failed is pressed again by Retry (not the last message's answer)", async () => {
  const { page, close } = await openPage('/action-retry');
  const w = widget(page);
  await signUpInPanel(page);
  await say(page, 'add buy milk');
  await say(page, 'show my tasks');
  await say(page, 'add water the plants');
  const answers = await w.locator('.msg.assistant').allInnerTexts();
  await page.route('**/api/chatkit', (route) => route.abort(), { times: 1 }); // the network drops once
  await w.getByRole('button', { name: 'Done: Buy milk' }).click();
  await w.getByRole('alert').waitFor();
  const ended = await answersEnded(page);
  await w.getByRole('button', { name: 'Retry' }).click();
  await waitForAnswer(page, ended);
  await w.getByRole('button', { name: 'Reopen: Buy milk' }).waitFor(); // the button's action ran
  await expect(w.locator('.msg.assistant').allInnerTexts()).resolves.toEqual(answers); // no answer re-run
  await expect(w.getByRole('alert').count()).resolves.toBe(0);
  await close();
});

test('a remembered conversation that cannot load is not replaced by a new one, and comes back when online', async () => {
  const { page, close } = await openPage('/offline-open');
  const w = widget(page);
  await signUpInPanel(page);
  await say(page, 'add buy milk');
  const remembered = () =>
    page.evaluate(
      () => Object.entries(localStorage).find(([k]) => k.startsWith('todo-assistant:thread'))?.[1],
    );
  const thread = await remembered();
  expect(thread).toBeTruthy();
  await page.route('**/api/chatkit', (route) => route.abort()); // the API is out of reach
  await page.reload();
  await w.locator('button.launcher').click();
  await w.getByRole('alert').waitFor();
  await expect(w.getByText('What should we get done today?').count()).resolves.toBe(0); // no start screen
  await w.getByLabel('Message').fill('add call mom');
  await w.getByLabel('Message').press('Enter');
  await w.getByRole('alert').waitFor();
  await expect(w.getByLabel('Message').inputValue()).resolves.toBe('add call mom'); // kept, not sent
  await expect(remembered()).resolves.toBe(thread); // no new conversation took its place
  await page.unroute('**/api/chatkit');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await w.locator('.msg.user', { hasText: 'add buy milk' }).waitFor();
  await close();
});

test('a long conversation opens at its newest messages and shows earlier ones on demand', async () => {
  const who = newCredentials();
  const signUp = await fetch(`${h.backend.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.site.url },
    body: JSON.stringify(who),
  });
  const session = signUp.headers.get('set-auth-token')!;
  const { token } = (await (
    await fetch(`${h.backend.url}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } })
  ).json()) as { token: string };
  let conversation: string | undefined;
  for (let i = 1; i <= 25; i++) {
    const res = await fetch(`${h.backend.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        message: `add chore number ${i}`,
        ...(conversation ? { conversation_id: conversation } : {}),
      }),
    });
    conversation = ((await res.json()) as { conversation_id: string }).conversation_id;
  }

  const { page, close } = await openPage('/long');
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.getByLabel('Email').fill(who.email);
  await w.getByLabel('Password').fill(who.password);
  await w.getByRole('button', { name: 'Sign in' }).click();
  await w.getByRole('button', { name: 'Conversations' }).click();
  await w.locator('.threads li .open').first().click();
  await w.locator('.msg.user', { hasText: 'add chore number 25' }).waitFor();
  const firstPage = await w.locator('.msg.user').allInnerTexts();
  expect(firstPage[0]).not.toBe('add chore number 1');
  expect(firstPage.at(-1)).toBe('add chore number 25');
  await w.getByRole('button', { name: 'Show earlier messages' }).click();
  await w.locator('.msg.user', { hasText: /^add chore number 1$/ }).waitFor();
  await expect(w.locator('.msg.user').allInnerTexts()).resolves.toEqual(
    [...Array(25).keys()].map((i) => `add chore number ${i + 1}`),
  );
  await expect(w.getByRole('button', { name: 'Show earlier messages' }).count()).resolves.toBe(0);
  await close();
});
