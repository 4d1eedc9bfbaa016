import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BackendBehindBalancer, BackendProcess } from '../support/backend-process';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { OpenAIChatStub, StubReply, StubRequest } from '../support/openai-stub';
import { freePort, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp, TestUser } from '../support/users';
import { acceptedUserMessage, directDb, eventually, storedItems, WatchedStream } from './fault-support';

/**
 * A deterministic model that answers from what it is sent, not from a queue position, so the same conversation
 * gets the same answers whichever process asks: "add X" → add_task, "show…" → list_tasks, "done N" →
 * complete_task, a tool result → a sentence about it, anything else → help.
 */
function scriptedModel(req: StubRequest): StubReply {
  const messages = req.body.messages ?? [];
  const last = messages.at(-1);
  const call = (name: string, args: object): StubReply => ({
    toolCalls: [{ id: `call_${messages.length}`, name, arguments: JSON.stringify(args) }],
  });
  if (last?.role === 'tool') return { text: ['Done: ', String(last.content).slice(0, 60)] };
  const text = typeof last?.content === 'string' ? last.content : '';
  let m: RegExpExecArray | null;
  if ((m = /^add (.+)$/i.exec(text)))
    return call('add_task', { title: m[1][0].toUpperCase() + m[1].slice(1) });
  if (/^show\b/i.test(text)) return call('list_tasks', { status: 'all' });
  if ((m = /^done (\d+)$/i.exec(text))) return call('complete_task', { task_id: Number(m[1]) });
  return { text: ['I can ', 'add, show and complete tasks.'] };
}

const ID = /^(thr|msg|wf|cx|tc|tool|chg)_[0-9a-f]+$/;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** A JSON value with ids numbered by first appearance and times and durations blanked: the run's shape. */
function shape(value: unknown, ids = new Map<string, string>()): unknown {
  if (typeof value === 'string') {
    if (ID.test(value)) {
      if (!ids.has(value)) ids.set(value, `${value.split('_')[0]}#${ids.size}`);
      return ids.get(value);
    }
    return value.replace(TIME, '<time>'); // also inside text, e.g. a tool's JSON output
  }
  if (Array.isArray(value)) return value.map((v) => shape(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'duration' ? '<duration>' : shape(v, ids)]),
    );
  return value;
}

/**
 * Two backend processes on one database, as behind a load balancer without sticky sessions: a conversation
 * whose every request alternates between them behaves exactly like one on a single process, and when one is
 * killed in the middle of a turn the client retries on the other and the conversation goes on, with nothing
 * lost, duplicated or half-written.
 */
describe('two backend processes on one database', () => {
  const stub = new OpenAIChatStub();
  let dataDir: string;
  let a: BackendProcess;
  let b: BackendProcess;
  let db: Client;

  beforeAll(async () => {
    await stub.start();
    stub.reply(...Array.from({ length: 1_000 }, () => scriptedModel));
    dataDir = mkdtempSync(join(tmpdir(), 'todo-two-processes-'));
    const [portA, portB] = [await freePort(), await freePort()];
    const env = (port: number): Record<string, string> => ({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${portA}`, // one public URL (JWT issuer and audience) for both
      DATABASE_URL: testDatabaseUrl(),
      DB_POOL_MAX: '4',
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      DATA_DIR: dataDir,
      OPENAI_BASE_URL: stub.url,
      AGENT_MODEL: 'stub-model',
      OPENAI_API_KEY: 'sk-test',
      CHAT_RATE_LIMIT_PER_MINUTE: '1000',
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'error',
      WEB_CONCURRENCY: '1', // one process per instance: the test is about two instances
    });
    a = new BackendBehindBalancer(env(portA), `http://127.0.0.1:${portA}`);
    b = new BackendBehindBalancer(env(portB), `http://127.0.0.1:${portB}`);
    await Promise.all([a.start(), b.start()]);
    db = await directDb();
  }, 120_000);
  afterAll(async () => {
    await a?.stop('SIGKILL');
    await b?.stop('SIGKILL');
    await stub.stop();
    await db?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * One conversation of every kind of request; request k goes to `serverFor(k)`. Returns what each answer looked
   * like, the thread's id and its user.
   */
  async function converse(serverFor: (k: number) => string) {
    const user = await signUp(serverFor(0), 'Two processes');
    let k = 0;
    const next = () => new ChatKitClient(serverFor(k++), user.jwt);
    const answers: unknown[] = [];
    const stream = async (type: string, params: unknown): Promise<Ev[]> => {
      const res = await next().stream(type, params);
      expect(res.error).toBeUndefined();
      expect(streamProblems(res.events)).toEqual([]);
      answers.push({ type, events: res.events });
      return res.events;
    };
    const json = async (type: string, params: unknown): Promise<any> => {
      const res = await next().json(type, params);
      expect(res.status).toBe(200);
      answers.push({ type, body: res.body });
      return res.body;
    };
    const done = (events: Ev[], type: string) =>
      events.find((e) => e.type === 'thread.item.done' && e.item.type === type)?.item;

    const created = await stream('threads.create', { input: userInput('add buy milk') });
    const threadId = created[0].thread.id as string;
    const say = (text: string) =>
      stream('threads.add_user_message', { thread_id: threadId, input: userInput(text) });
    await say('add call mom');
    const listed = await say('show my tasks');
    await stream('threads.custom_action', {
      thread_id: threadId,
      item_id: done(listed, 'widget').id,
      action: { type: 'task.complete', payload: { task_id: 1 } },
    });
    await json('threads.get_by_id', { thread_id: threadId });
    const completed = await say('done 2');
    await json('items.feedback', {
      thread_id: threadId,
      item_ids: [done(completed, 'assistant_message').id],
      kind: 'positive',
    });
    await json('threads.update', { thread_id: threadId, title: 'Errands' });
    await stream('threads.retry_after_item', {
      thread_id: threadId,
      item_id: done(completed, 'user_message').id,
    });
    await say('hello');
    await json('items.list', { thread_id: threadId, order: 'asc', limit: 50 });
    await json('threads.list', {});
    const rest = api(serverFor(k++), user.jwt);
    answers.push((await rest.get(`/api/chat/conversations/${threadId}/messages?limit=50`)).body);
    answers.push((await api(serverFor(k++), user.jwt).get('/api/tasks')).body);
    return { answers, threadId, user };
  }

  it('alternating every request of a conversation between them is exactly like one process', async () => {
    const single = await converse(() => a.url);
    const alternating = await converse((k) => (k % 2 === 0 ? a.url : b.url));

    expect(shape(alternating.answers)).toEqual(shape(single.answers));
    const storedShape = async (threadId: string) =>
      shape((await storedItems(db, threadId)).map((i) => ({ type: i.type, payload: i.payload })));
    expect(await storedShape(alternating.threadId)).toEqual(await storedShape(single.threadId));
    // The conversation really did everything: the script is not trivially equal.
    expect((alternating.answers.at(-1) as any).data).toMatchObject([
      { id: 1, title: 'Buy milk', completed: true },
      { id: 2, title: 'Call mom', completed: true },
    ]);
  }, 120_000);

  /**
   * Starts a turn on `server` whose model call `modelCalls` hangs, and kills that process once that call is in
   * flight and `ready` holds.
   */
  async function killMidTurn(
    server: BackendProcess,
    user: TestUser,
    threadId: string,
    text: string,
    modelCalls: number,
    ready: () => Promise<boolean> = async () => true,
  ) {
    const turn = new WatchedStream(new ChatKitClient(server.url, user.jwt), 'threads.add_user_message', {
      thread_id: threadId,
      input: userInput(text),
    });
    const userItem = (await turn.until((e) => acceptedUserMessage([e]) !== undefined)).item;
    await eventually(`model call ${modelCalls} of the turn`, () => stub.requests.length === modelCalls);
    await eventually('the moment to kill', ready);
    await server.stop('SIGKILL');
    const { events } = await turn.end;
    // The client saw the turn break off (the connection died): no answer, no error event from a dead process.
    expect(events.filter((e) => e.type === 'thread.item.done').map((e) => e.item.type)).toEqual([
      'user_message',
    ]);
    return userItem.id as string;
  }

  it('a process killed mid-turn: the client retries on the other and the conversation continues', async () => {
    const user = await signUp(a.url, 'Killed mid-turn'); // better-auth wants the public URL as Origin
    const onB = new ChatKitClient(b.url, user.jwt);
    const first = await onB.stream('threads.create', { input: userInput('add buy milk') });
    const threadId = first.events[0].thread.id as string;

    // 1. Killed while the model thinks (before any tool ran): the retry on the other process answers it.
    stub.reset();
    stub.reply({ hang: true }, ...Array.from({ length: 100 }, () => scriptedModel));
    const waterId = await killMidTurn(a, user, threadId, 'add water the plants', 1);
    const retried = await onB.stream('threads.retry_after_item', { thread_id: threadId, item_id: waterId });
    expect(streamProblems(retried.events)).toEqual([]);
    expect(retried.events.filter((e) => e.type === 'thread.item.done').map((e) => e.item.type)).toEqual([
      'workflow',
      'widget', // the Undo bar of the task it added
      'assistant_message',
    ]);

    // 2. Killed after its tool ran (the task was added), while the model writes the answer: the retry on the
    //    other process answers without adding the task a second time.
    await a.start();
    stub.reset();
    stub.reply(scriptedModel, { hang: true }, ...Array.from({ length: 100 }, () => scriptedModel));
    const toolRecorded = async () =>
      (await storedItems(db, threadId)).some((i) => i.payload.arguments?.title === 'Feed the cat');
    const catId = await killMidTurn(a, user, threadId, 'add feed the cat', 2, toolRecorded);
    const again = await onB.stream('threads.retry_after_item', { thread_id: threadId, item_id: catId });
    expect(streamProblems(again.events)).toEqual([]);
    expect(again.events.filter((e) => e.type === 'thread.item.done').at(-1)!.item.content[0].text).toContain(
      'Feed the cat',
    );

    // The conversation goes on, on both processes again.
    await a.start();
    stub.reset();
    stub.reply(...Array.from({ length: 100 }, () => scriptedModel));
    const shown = await new ChatKitClient(a.url, user.jwt).stream('threads.add_user_message', {
      thread_id: threadId,
      input: userInput('show my tasks'),
    });
    const widget = shown.events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')!.item;
    expect(widget.widget.children.map((row: any) => row.key)).toEqual(['task-1', 'task-2', 'task-3']);

    // Nothing lost, duplicated or half-written: each user message once, each answered once, each task once.
    const items = await storedItems(db, threadId);
    const visible = items.filter((i) => !['server_tool_call', 'sdk_hidden_context'].includes(i.type));
    expect(visible.map((i) => i.type)).toEqual([
      ...['user_message', 'workflow', 'widget', 'assistant_message'], // add buy milk, its Undo bar
      ...['user_message', 'workflow', 'widget', 'assistant_message'], // add water the plants (retried)
      ...['user_message', 'assistant_message'], // add feed the cat (retried: its tool had already run)
      ...['user_message', 'workflow', 'widget', 'assistant_message'], // show my tasks
    ]);
    expect(items.filter((i) => i.type === 'user_message').map((i) => i.payload.content[0].text)).toEqual([
      'add buy milk',
      'add water the plants',
      'add feed the cat',
      'show my tasks',
    ]);
    expect((await api(b.url, user.jwt).get('/api/tasks')).body.data.map((t: any) => t.title)).toEqual([
      'Buy milk',
      'Water the plants',
      'Feed the cat',
    ]);
  }, 180_000);
});
