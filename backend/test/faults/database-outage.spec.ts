import { Client } from 'pg';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { OpenAIChatStub, StubReply } from '../support/openai-stub';
import { gate } from '../support/scripted-runner';
import { readNamedEvents } from '../support/sse-events';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';
import { signUp, TestUser } from '../support/users';
import { acceptedUserMessage, directDb, eventually, storedItems, WatchedStream } from './fault-support';

const addTask = (title: string): StubReply => ({
  toolCalls: [
    { id: `call_${title.replace(/\W/g, '')}`, name: 'add_task', arguments: JSON.stringify({ title }) },
  ],
});

/**
 * PostgreSQL goes away while turns are streaming (a TCP proxy between the backend and the database is cut, as a
 * restart or a network outage would): the streams in flight end with a ChatKit `error` event, /health answers
 * 503, the backend recovers by itself once the database is back, and every accepted user message is stored.
 */
describe('PostgreSQL outage while ChatKit turns are streaming', () => {
  const stub = new OpenAIChatStub();
  const proxy = TcpProxy.forUrl(testDatabaseUrl());
  let t: TestApp;
  let db: Client;
  let users: TestUser[];
  const release = gate(); // opened by the test once the database is gone (and in afterAll, whatever happened)

  beforeAll(async () => {
    await stub.start();
    await proxy.start();
    t = await startTestApp({
      DATABASE_URL: proxy.rewrite(testDatabaseUrl()),
      OPENAI_BASE_URL: stub.url,
      AGENT_MODEL: 'stub-model',
      OPENAI_API_KEY: 'sk-test',
      CHAT_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'silent', // the outage logs an error per failed query
    });
    db = await directDb();
    users = await Promise.all([1, 2, 3, 4, 5].map((i) => signUp(t.url, `Outage ${i}`)));
  });
  afterAll(async () => {
    release.open();
    proxy.restore();
    await t?.close();
    await proxy.stop();
    await stub.stop();
    await db?.end();
  }, 30_000);

  const health = async () => (await fetch(`${t.url}/health`)).status;

  it('ends in-flight streams with an error, answers 503 meanwhile, recovers without a restart, loses no accepted message', async () => {
    // Three users already have a thread (a normal turn each); the fourth starts one during the outage test.
    const threads: string[] = [];
    for (const user of users.slice(0, 3)) {
      stub.reply({ text: ['Hello!'] });
      const created = await new ChatKitClient(t.url, user.jwt).stream('threads.create', {
        input: userInput('hello'),
      });
      expect(streamProblems(created.events)).toEqual([]);
      threads.push(created.events[0].thread.id);
    }

    // Five turns in flight (four ChatKit streams, one REST chat stream), each held inside its model call until
    // the database is gone; then the model answers with text (the reply cannot be stored) or with a tool call
    // (neither the tool's change nor its record can be stored).
    stub.reset();
    const held: StubReply[] = [
      { text: ['Sure, ', 'noted.'] },
      addTask('Buy milk'),
      { text: ['Here ', 'you are.'] },
      addTask('Call mom'),
      { text: ['Okay.'] },
    ];
    stub.reply(...held.map((then) => ({ wait: release.promise, then })));
    const rest = fetch(`${t.url}/api/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${users[4].jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'message 4 before the outage' }),
    }).then(readNamedEvents);
    const streams = users.slice(0, 4).map((user, i) => {
      const ck = new ChatKitClient(t.url, user.jwt);
      return i < 3
        ? new WatchedStream(ck, 'threads.add_user_message', {
            thread_id: threads[i],
            input: userInput(`message ${i} before the outage`),
          })
        : new WatchedStream(ck, 'threads.create', { input: userInput('message 3 before the outage') });
    });
    const accepted: string[] = [];
    for (const s of streams)
      accepted.push((await s.until((e) => acceptedUserMessage([e]) !== undefined)).item.id as string);
    await eventually('every turn to wait on the model', () => stub.requests.length === 5);

    proxy.cut();
    await eventually('/health to answer 503', async () => (await health()) === 503);
    // A new message while the database is down is refused before any stream starts (nothing to accept).
    const refused = await new ChatKitClient(t.url, users[0].jwt).json('threads.add_user_message', {
      thread_id: threads[0],
      input: userInput('during the outage'),
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('service_unavailable');

    release.open();
    const ends = await Promise.all(streams.map((s) => s.end));
    for (const { events, broken } of ends) {
      expect(broken).toBeUndefined(); // the HTTP response ended normally
      expect(streamProblems(events)).toEqual([]);
      const errors = events.filter((e) => e.type === 'error');
      expect(errors).toEqual([{ type: 'error', code: 'stream.error', allow_retry: true }]);
      expect(events.at(-1)).toBe(errors[0]); // nothing after the error
    }
    const restEvents = await rest;
    expect(restEvents[0].event).toBe('conversation');
    expect(restEvents.filter((e) => e.event === 'error' || e.event === 'done')).toEqual([
      { event: 'error', data: { code: 'internal', message: expect.any(String), retryable: true } },
    ]);
    expect(restEvents.at(-1)!.event).toBe('error');
    expect(await health()).toBe(503);

    proxy.restore();
    await eventually('/health to answer 200 again', async () => (await health()) === 200);

    // Every accepted user message is stored (checked on the database itself, not through the backend).
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM chat_thread_items WHERE id = ANY($1) AND type = 'user_message'",
      [accepted],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...accepted].sort());
    const restThread = restEvents[0].data.conversation_id as string;
    expect((await storedItems(db, restThread)).map((i) => [i.type, i.payload.content[0].text])).toEqual([
      ['user_message', 'message 4 before the outage'],
    ]);
    // Nothing half-written: the failed turns stored no reply, no workflow, no tool record, and no task.
    const failedThreadIds = [...threads, streams[3].events[0].thread.id as string, restThread];
    for (const threadId of failedThreadIds) {
      const items = await storedItems(db, threadId);
      const last = items.map((i) => i.type).slice(-1);
      expect(last).toEqual(['user_message']);
    }
    const tasks = await db.query('SELECT 1 FROM tasks WHERE user_id = ANY($1)', [users.map((u) => u.id)]);
    expect(tasks.rowCount).toBe(0);

    // The same backend serves again: a new message, a retry of a failed turn, and a new thread.
    stub.reset();
    stub.reply(
      { text: ['Back ', 'again.'] },
      addTask('Buy milk'),
      { text: ['Added task 1.'] },
      {
        text: ['Hi!'],
      },
    );
    const ck0 = new ChatKitClient(t.url, users[0].jwt);
    const again = await ck0.stream('threads.add_user_message', {
      thread_id: threads[0],
      input: userInput('after the outage'),
    });
    expect(again.status).toBe(200);
    expect(streamProblems(again.events)).toEqual([]);
    expect(doneTypes(again.events)).toEqual(['user_message', 'assistant_message']);

    const ck1 = new ChatKitClient(t.url, users[1].jwt);
    const retried = await ck1.stream('threads.retry_after_item', {
      thread_id: threads[1],
      item_id: accepted[1],
    });
    expect(streamProblems(retried.events)).toEqual([]);
    // The retried "add buy milk": its progress, the Undo bar of the task it added, the answer.
    expect(doneTypes(retried.events)).toEqual(['workflow', 'widget', 'assistant_message']);
    const titles = await db.query<{ title: string }>('SELECT title FROM tasks WHERE user_id = $1', [
      users[1].id,
    ]);
    expect(titles.rows).toEqual([{ title: 'Buy milk' }]);

    const fresh = await new ChatKitClient(t.url, users[3].jwt).stream('threads.create', {
      input: userInput('a new thread'),
    });
    expect(streamProblems(fresh.events)).toEqual([]);
    expect(fresh.events.at(-1)).toMatchObject({ type: 'thread.updated', thread: { title: 'A new thread' } });
  }, 90_000);

  it('replaces connections the database server dropped (as a PostgreSQL restart does): the next requests succeed', async () => {
    const backends = async () =>
      (
        await db.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows.map((r) => r.pid);
    await eventually('the backend to hold pool connections', async () => (await health()) === 200);
    const before = await backends();
    expect(before.length).toBeGreaterThan(0);
    await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    await eventually('the terminated connections to be gone', async () =>
      (await backends()).every((pid) => !before.includes(pid)),
    );
    await eventually('/health to answer 200', async () => (await health()) === 200);

    stub.reset();
    stub.reply({ text: ['Still here.'] });
    const res = await new ChatKitClient(t.url, users[2].jwt).stream('threads.create', {
      input: userInput('after a server restart'),
    });
    expect(res.status).toBe(200);
    expect(streamProblems(res.events)).toEqual([]);
    expect(doneTypes(res.events)).toEqual(['user_message', 'assistant_message']);
  }, 60_000);
});

function doneTypes(events: Ev[]): string[] {
  return events.filter((e) => e.type === 'thread.item.done').map((e) => e.item.type as string);
}
