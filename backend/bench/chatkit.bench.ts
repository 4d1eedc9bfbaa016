import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { MODEL_ITEM_TYPES } from '../src/conversations/thread-item';
import { ChatKitClient, userInput } from '../test/support/chatkit-client';
import { benchDatabase, measure, report, signUp, sqlFloor, startBenchApp, Stats } from './support';

/** Every statement any pg client of this process sends (TypeORM and better-auth share one pool). */
function countStatements(): { readonly count: number; texts: string[] | null } {
  const counter = { count: 0, texts: null as string[] | null };
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    counter.count++;
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    counter.texts?.push((text ?? '?').replace(/\s+/g, ' ').slice(0, 90));
    return original.apply(this, args);
  };
  return counter;
}

/**
 * One `threads.add_user_message` over HTTP, read to the end; resolves with the time to the first event.
 * A lean reader (no per-frame validation: the tests do that), so the client in this process costs little.
 */
async function turn(url: string, token: string, threadId: string, text: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/chatkit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'threads.add_user_message',
      params: { thread_id: threadId, input: userInput(text) },
    }),
  });
  if (res.status !== 200) throw new Error(`turn refused: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let first = 0;
  let window = ''; // the end of the previous chunk too, for markers split across chunks
  let answered = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    first ||= performance.now() - started;
    window = window.slice(-80) + decoder.decode(value, { stream: true });
    if (window.includes('"type":"error"')) throw new Error(`turn failed: ${window}`);
    answered ||= window.includes('"type":"assistant_message","content":[{'); // the done message, not the added one
  }
  if (!answered) throw new Error('turn ended without an answer');
  return first;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The SQL an "add …" turn needs, sent directly: rate-limit check, user message (with the thread touch),
 * history, the task insert, the tool item, the workflow item and the answer — the floor under a turn.
 */
async function turnSqlFloor(url: string, userId: string, threadId: string, total = 300): Promise<Stats> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const id = () => `bench_${randomBytes(8).toString('hex')}`;
  const item = (type: string) =>
    c.query(
      `INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
       SELECT $1, id, user_id, $4, $5::jsonb FROM chat_threads WHERE id = $2 AND user_id = $3 RETURNING created_at`,
      [
        id(),
        threadId,
        userId,
        type,
        JSON.stringify({ content: [{ type: 'output_text', text: 'Added task 1.', annotations: [] }] }),
      ],
    );
  const stats = await measure(total, 1, async (i) => {
    await c.query(
      `SELECT created_at FROM chat_thread_items WHERE user_id = $1 AND type = 'user_message'
       AND created_at > now() - make_interval(secs => 60) ORDER BY created_at DESC OFFSET 999999 LIMIT 1`,
      [userId],
    );
    await c.query(
      `WITH t AS (UPDATE chat_threads SET updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING id, user_id)
       INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
       SELECT $3, t.id, t.user_id, 'user_message', $4::jsonb FROM t RETURNING created_at`,
      [
        threadId,
        userId,
        id(),
        JSON.stringify({
          content: [{ type: 'input_text', text: `add floor ${i}` }],
          attachments: [],
          inference_options: {},
        }),
      ],
    );
    await c.query(
      `SELECT id, thread_id, type, payload, created_at FROM chat_thread_items
       WHERE thread_id = $1 AND user_id = $2 AND type = ANY($3) ORDER BY seq DESC LIMIT 40`,
      [threadId, userId, MODEL_ITEM_TYPES],
    );
    await c.query(
      `WITH n AS (INSERT INTO task_counters (user_id, last_number) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number + 1 RETURNING last_number)
       INSERT INTO tasks (user_id, number, title) SELECT $1, n.last_number, $2 FROM n RETURNING *`,
      [userId, `Floor ${i}`],
    );
    await item('server_tool_call');
    await item('workflow');
    await item('assistant_message');
  });
  await c.end();
  return stats;
}

/**
 * ChatKit turns end to end over HTTP with the offline model: `threads.add_user_message` "add …" (one tool call),
 * SSE read to the end, at 1 and 16 concurrent clients; time to first event; SQL statements per turn;
 * next to the bare-SQL floors measured in the same run.
 */
export async function run(): Promise<void> {
  const db = await benchDatabase();
  const statements = countStatements();
  const t = await startBenchApp(db, { DB_POOL_MAX: '16' });
  try {
    console.log(`\n## ChatKit turns over HTTP, offline model (${db.kind} database)`);
    report('bare SQL floor: insert + select', await sqlFloor(db.url));

    const clients = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const user = await signUp(t.url, `Bench ${i}`);
        const ck = new ChatKitClient(t.url, user.jwt);
        let threadId = '';
        for await (const e of ck.events('threads.create', { input: userInput('add the first task') }))
          if (e.type === 'thread.created') threadId = e.thread.id;
        return { user, threadId };
      }),
    );

    // One turn's statements, listed once, so the count below can be read.
    statements.texts = [];
    await turn(t.url, clients[0].user.jwt, clients[0].threadId, 'add one traced task');
    const traced = statements.texts;
    statements.texts = null;
    console.log(`SQL statements of one "add …" turn (${traced.length}):`);
    for (const s of traced) console.log(`  ${s}`);

    const firstEvent: number[] = [];
    const before = statements.count;
    const one = await measure(300, 1, async (i) => {
      const ttfe = await turn(t.url, clients[0].user.jwt, clients[0].threadId, `add errand ${i}`);
      if (i >= 0) firstEvent.push(ttfe);
    });
    const perTurn = (statements.count - before) / (300 + 10);
    report('threads.add_user_message "add …", 1 client', one);
    console.log(
      `time to first event, 1 client: p50 ${percentile(firstEvent, 50).toFixed(2)} ms, p99 ${percentile(firstEvent, 99).toFixed(2)} ms`,
    );
    console.log(`SQL statements per turn: ${perTurn.toFixed(1)}`);

    const firstEvent16: number[] = [];
    const sixteen = await measure(
      1600,
      16,
      async (i) => {
        const c = clients[Math.abs(i) % 16];
        const ttfe = await turn(t.url, c.user.jwt, c.threadId, `add chore ${i}`);
        if (i >= 0) firstEvent16.push(ttfe);
      },
      32,
    );
    report('threads.add_user_message "add …", 16 clients', sixteen);
    console.log(
      `time to first event, 16 clients: p50 ${percentile(firstEvent16, 50).toFixed(2)} ms, p99 ${percentile(firstEvent16, 99).toFixed(2)} ms`,
    );

    report(
      'bare SQL floor: the statements of one "add …" turn',
      await turnSqlFloor(db.url, clients[1].user.id, clients[1].threadId),
    );
  } finally {
    await t.close();
    await db.dispose();
  }
}
