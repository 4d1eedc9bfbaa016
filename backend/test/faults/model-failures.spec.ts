import { Client } from 'pg';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { OpenAIChatStub, StubReply } from '../support/openai-stub';
import { readNamedEvents } from '../support/sse-events';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';
import { directDb, eventually, failingModelEnv, storedItems } from './fault-support';

const MAX_TURNS = 3;
const MODEL_TIMEOUT_MS = 1_500;

const serverError: StubReply = { status: 500, body: '{"error":{"message":"the model server broke"}}' };
const call = (name: string, args: string): StubReply => ({
  toolCalls: [{ id: 'call_bad', name, arguments: args }],
});

/** What the model may get wrong, each time it answers (the SDK retries a 500 twice on its own: three answers). */
const FAILURES: Array<{ name: string; replies: StubReply[] }> = [
  { name: 'answers HTTP 500 (after the client retries)', replies: [serverError, serverError, serverError] },
  { name: 'never answers (past AGENT_MODEL_TIMEOUT_MS)', replies: [{ hang: true }] },
  { name: 'stops in the middle of its answer', replies: [{ text: ['Let me ', 'add '], stall: true }] },
  { name: 'calls a tool that does not exist', replies: [call('drop_database', '{}')] },
  {
    name: 'keeps sending tool arguments that are not JSON',
    replies: Array(MAX_TURNS).fill(call('add_task', '{"title": "Buy milk"')),
  },
  {
    name: 'keeps sending tool arguments that fail the schema',
    replies: Array(MAX_TURNS).fill(call('add_task', '{"title": 42, "user_id": "someone-else"}')),
  },
];

/**
 * The model failing behind the OpenAI-compatible path (a local Chat Completions stub; the real @openai/agents
 * and openai client code runs): every failure ends the turn with an `error` event the client can retry, the
 * user message stays stored, nothing half-written is left, and `threads.retry_after_item` works once the model
 * behaves again.
 */
describe('the model failing', () => {
  const stub = new OpenAIChatStub();
  let t: TestApp;
  let db: Client;
  let user: TestUser;
  let ck: ChatKitClient;

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp(failingModelEnv(stub.url, MAX_TURNS, MODEL_TIMEOUT_MS));
    db = await directDb();
  });
  beforeEach(async () => {
    stub.reset();
    user = await signUp(t.url, 'Model failures'); // a fresh task list per case
    ck = new ChatKitClient(t.url, user.jwt);
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
    await db.end();
  });

  const tasks = async () => (await api(t.url, user.jwt).get('/api/tasks')).body.data as unknown[];

  describe.each(FAILURES)('ChatKit: when the model $name', ({ replies }) => {
    it('ends with a retryable error, keeps the user message, stores nothing half-done; a retry works', async () => {
      stub.reply(...replies);
      const { events } = await ck.stream('threads.create', { input: userInput('add buy milk') });
      expect(streamProblems(events)).toEqual([]);
      const threadId = events[0].thread.id as string;
      const userItem = events[1].item;
      expect(userItem).toMatchObject({ type: 'user_message', content: [{ text: 'add buy milk' }] });

      const errors = events.filter((e) => e.type === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ allow_retry: true });
      // The error ends the turn: at most the thread's new title follows it (chatkit-protocol.md §3.2 rule 8).
      expect(events.slice(events.indexOf(errors[0]) + 1).map((e) => e.type)).toEqual(['thread.updated']);
      expect(events.filter((e) => e.type === 'thread.item.done').map((e) => e.item.type)).toEqual([
        'user_message',
      ]);

      // Stored: the user message, and at most whole tool calls that failed (what the model tried, for its next
      // turn) — no assistant message, no workflow, no task.
      const stored = await storedItems(db, threadId);
      expect(stored[0]).toMatchObject({ id: userItem.id, type: 'user_message' });
      for (const item of stored.slice(1)) {
        expect(item.type).toBe('server_tool_call');
        expect(item.payload).toMatchObject({
          call_id: 'call_bad',
          is_error: true,
          output: expect.any(String),
        });
      }
      expect(await tasks()).toEqual([]);
      await eventually('the model call to be closed', () => stub.inFlight === 0);

      // The model behaves again: the client's retry answers the same message.
      stub.reset();
      stub.reply(call('add_task', '{"title":"Buy milk"}'), { text: ['Added task 1: Buy milk.'] });
      const retried = await ck.stream('threads.retry_after_item', {
        thread_id: threadId,
        item_id: userItem.id,
      });
      expect(streamProblems(retried.events)).toEqual([]);
      // Its progress, the Undo bar of the task it added, the answer.
      expect(doneItems(retried.events).map((i) => i.type)).toEqual([
        'workflow',
        'widget',
        'assistant_message',
      ]);
      expect(stub.requests[0].body.messages!.slice(1)).toEqual([{ role: 'user', content: 'add buy milk' }]);
      expect((await storedItems(db, threadId)).map((i) => i.type)).toEqual([
        'user_message',
        'server_tool_call',
        'workflow',
        'widget',
        'assistant_message',
      ]);
      expect(await tasks()).toMatchObject([{ id: 1, title: 'Buy milk' }]);
    });
  });

  it('ChatKit: a single malformed tool call is answered to the model as an error and never shown as done', async () => {
    stub.reply(call('add_task', '{"title": "Buy milk"'), { text: ['Sorry, that did not work.'] });
    const { events } = await ck.stream('threads.create', { input: userInput('add buy milk') });
    expect(streamProblems(events)).toEqual([]);
    const workflow = doneItems(events).find((i) => i.type === 'workflow');
    expect(workflow.workflow.tasks).toEqual([
      expect.objectContaining({
        title: 'Could not add the task',
        icon: 'info',
        content: expect.stringContaining('parsing tool arguments'),
      }),
    ]);
    const stored = await storedItems(db, events[0].thread.id);
    expect(stored.find((i) => i.type === 'server_tool_call')!.payload).toMatchObject({ is_error: true });
    expect(JSON.stringify(stub.requests[1].body.messages!.at(-1))).toContain('parsing tool arguments');
    expect(await tasks()).toEqual([]);
  });

  it('ChatKit: the model failing after a tool changed a task: the retry continues from the change, never repeats it', async () => {
    stub.reply(call('add_task', '{"title":"Buy milk"}'), serverError, serverError, serverError);
    const { events } = await ck.stream('threads.create', { input: userInput('add buy milk') });
    expect(events.filter((e) => e.type === 'error')).toEqual([
      { type: 'error', code: 'stream.error', allow_retry: true },
    ]);
    const threadId = events[0].thread.id as string;
    // The change happened and its record is whole; the workflow that showed it was never finished (not stored).
    expect((await storedItems(db, threadId)).map((i) => [i.type, i.payload.is_error])).toEqual([
      ['user_message', undefined],
      ['server_tool_call', false],
    ]);
    expect(await tasks()).toMatchObject([{ id: 1, title: 'Buy milk' }]);

    stub.reset();
    stub.reply({ text: ['Added task 1: Buy milk.'] });
    const retried = await ck.stream('threads.retry_after_item', {
      thread_id: threadId,
      item_id: events[1].item.id,
    });
    expect(streamProblems(retried.events)).toEqual([]);
    expect(doneItems(retried.events).map((i) => i.content[0].text)).toEqual(['Added task 1: Buy milk.']);
    // The model was shown what was already done, and answered; nothing was added twice.
    expect(stub.requests[0].body.messages!.slice(1)).toMatchObject([
      { role: 'user', content: 'add buy milk' },
      { role: 'assistant', tool_calls: [{ function: { name: 'add_task' } }] },
      { role: 'tool', content: expect.stringContaining('"created"') },
    ]);
    expect(await tasks()).toMatchObject([{ id: 1, title: 'Buy milk' }]);
    expect((await storedItems(db, threadId)).map((i) => i.type)).toEqual([
      'user_message',
      'server_tool_call',
      'assistant_message',
    ]);
  });

  it('REST chat: POST /api/chat answers 503 and keeps the message; the stream ends with a retryable error', async () => {
    stub.reply(serverError, serverError, serverError);
    const rest = api(t.url, user.jwt);
    const res = await rest.post('/api/chat', { message: 'add walk the dog' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    const conversation = (await rest.get('/api/chat/conversations')).body.data[0];
    const messages = (await rest.get(`/api/chat/conversations/${conversation.id}/messages`)).body.data;
    expect(messages.map((m: any) => [m.role, m.content])).toEqual([['user', 'add walk the dog']]);

    stub.reset();
    stub.reply({ text: ['Let me ', 'think'], stall: true });
    const streamed = await readNamedEvents(
      await fetch(`${t.url}/api/chat/stream`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'add water the plants', conversation_id: conversation.id }),
      }),
    );
    expect(streamed.map((e) => e.event)).toEqual(['conversation', 'delta', 'delta', 'error']);
    // The model went silent mid-answer: the timeout's own code and words.
    expect(streamed.at(-1)!.data).toEqual({
      code: 'model_timeout',
      message: 'The AI model took too long to answer. Please try again.',
      retryable: true,
    });
    const after = (await rest.get(`/api/chat/conversations/${conversation.id}/messages`)).body.data;
    expect(after.map((m: any) => [m.role, m.content])).toEqual([
      ['user', 'add walk the dog'],
      ['user', 'add water the plants'],
    ]);
    await eventually('the model call to be closed', () => stub.inFlight === 0);
  });
});

function doneItems(events: Ev[]): any[] {
  return events.filter((e) => e.type === 'thread.item.done').map((e) => e.item);
}
