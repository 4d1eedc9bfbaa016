import { AGENT_TURN_RUNNER } from '../../src/agent/agent-turn';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { fail, partial, say, ScriptedRunner, steps, untilAborted } from '../support/scripted-runner';
import { readNamedEvents } from '../support/sse-events';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/** Failed runs, client disconnects and the per-user turn limit, on REST chat and ChatKit. */
describe('chat turns that fail, are abandoned or come too fast', () => {
  const runner = new ScriptedRunner();
  let t: TestApp;
  let user: TestUser;
  let rest: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await startTestAppWith([{ provide: AGENT_TURN_RUNNER, useValue: runner }], {
      CHAT_RATE_LIMIT_PER_MINUTE: '3',
    });
    runner.attach(t.app);
  });
  beforeEach(async () => {
    user = await signUp(t.url, 'Turns');
    rest = api(t.url, user.jwt);
  });
  afterAll(() => t.close());
  afterEach(() => expect(runner.pending).toBe(0));

  it('POST /api/chat answers 503 when the run fails, and keeps the user message for a retry', async () => {
    runner.next(fail('model_error'));
    const res = await rest.post('/api/chat', { message: 'add buy milk' });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'service_unavailable',
        message: 'The assistant could not answer this time. Please try again.',
      },
    });
    const [conversation] = (await rest.get('/api/chat/conversations')).body.data;
    expect(conversation.title).toBe('Add buy milk');
    const messages = (await rest.get(`/api/chat/conversations/${conversation.id}/messages`)).body.data;
    expect(messages.map((m: any) => [m.role, m.content])).toEqual([['user', 'add buy milk']]);
  });

  it('POST /api/chat/stream ends a failed run with an error event and no done', async () => {
    runner.next(steps(partial('Half'), fail('tool_error')));
    const res = await fetch(`${t.url}/api/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add buy milk' }),
    });
    const events = await readNamedEvents(res);
    expect(events.map((e) => e.event)).toEqual(['conversation', 'delta', 'error']);
    expect(events[2].data).toEqual({ code: 'tool_error', message: expect.any(String), retryable: true });
  });

  it('stops the run when a REST client disconnects and stores what was said so far', async () => {
    runner.next(steps(partial('Let me think'), untilAborted()));
    const abort = new AbortController();
    const pending = fetch(`${t.url}/api/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'think hard' }),
      signal: abort.signal,
    });
    await new Promise((r) => setTimeout(r, 150));
    abort.abort();
    await expect(pending).rejects.toThrow();
    let messages: any[] = [];
    for (let i = 0; i < 50 && messages.length < 2; i++) {
      const [c] = (await rest.get('/api/chat/conversations')).body.data;
      messages = c ? (await rest.get(`/api/chat/conversations/${c.id}/messages`)).body.data : [];
      if (messages.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(messages.map((m) => m.content)).toEqual(['think hard', 'Let me think']);
    expect(runner.requests.at(-1)!.signal.aborted).toBe(true);
  });

  it('limits turns per user per minute: 429 with Retry-After on REST and ChatKit, before anything is stored', async () => {
    for (let i = 0; i < 3; i++) {
      runner.next(say('ok'));
      expect((await rest.post('/api/chat', { message: `add task ${i}` })).status).toBe(200);
    }
    const limited = await rest.post('/api/chat', { message: 'add one more' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const ck = new ChatKitClient(t.url, user.jwt);
    const viaChatKit = await ck.json('threads.create', { input: userInput('add one more') });
    expect(viaChatKit.status).toBe(429);
    expect(viaChatKit.headers.get('content-type')).toMatch(/^application\/json/);
    expect(viaChatKit.headers.get('retry-after')).toBeTruthy();
    // The refusal is shown in the chat: its words follow Accept-Language (English without one).
    expect(limited.body.error.message).toMatch(
      /^Too many messages in the last minute: please wait \d+ s before sending another\.$/,
    );
    const inUrdu = await ck.raw(
      { type: 'threads.create', params: { input: userInput('add one more') } },
      { 'accept-language': 'ur-PK,ur;q=0.9,en;q=0.8' },
    );
    expect(inUrdu.status).toBe(429);
    expect(inUrdu.body.error).toEqual({
      code: 'rate_limited',
      message: expect.stringMatching(/^پچھلے ایک منٹ میں بہت زیادہ پیغامات: .* \d+ سیکنڈ انتظار کریں۔$/),
    });
    expect((await ck.json('threads.list', {})).body.data).toHaveLength(3); // reading is not limited; nothing new

    const other = await signUp(t.url, 'Unaffected');
    runner.next(say('ok'));
    expect((await api(t.url, other.jwt).post('/api/chat', { message: 'add mine' })).status).toBe(200);
  });
});
