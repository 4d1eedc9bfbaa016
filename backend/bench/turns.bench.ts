import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MODEL_ITEM_TYPES } from '../src/conversations/thread-item';
import { userInput } from '../test/support/chatkit-client';
import { freePort } from '../test/support/test-app';
import { TestUser } from '../test/support/users';
import {
  backendCpuMs,
  backendPids,
  benchBackend,
  benchDatabase,
  measure,
  peakRss,
  report,
  signUp,
  Stats,
} from './support';

/**
 * The cost of a chat turn against the SQL it needs (issue 12). The backend runs as `npm start` runs it — the
 * built `dist/src/main.js` in processes of its own, `WEB_CONCURRENCY` as configured (unset: its default) — and
 * this process is only the clients. In one run: the bare-SQL floor of a turn, then "add …" turns over HTTP
 * (REST chat and ChatKit) at 1 and 16 clients, with their ratios to the floor; MCP `tools/call` over HTTP;
 * the backend's memory under the 16-client load.
 */

const CLIENTS = 16;
const ONE_TURNS = 400;
const MANY_TURNS = 2_400;

/** The goals of issue 12. */
const GOAL_P50_RATIO = 3; // a turn's p50 at most 3x the floor's
const GOAL_THROUGHPUT_SHARE = 1 / 5; // 16 clients: at least 1/5 of the floor's turns per second
const GOAL_MCP_P50_MS = 2;
const GOAL_RSS_MB = 200;

interface Conversation {
  user: TestUser;
  /** The REST conversation and the ChatKit thread (kept apart, so each kind's history is its own). */
  conversationId: string;
  threadId: string;
}

async function postJson(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** `POST /api/chat` "add …" in the user's conversation: one tool call, the conversation reused. */
async function restTurn(url: string, c: Conversation, text: string): Promise<void> {
  const res = await postJson(`${url}/api/chat`, c.user.jwt, {
    message: text,
    conversation_id: c.conversationId,
  });
  const body = (await res.json()) as { tool_calls?: unknown[] };
  if (res.status !== 200 || body.tool_calls?.length !== 1)
    throw new Error(`REST turn failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

/** ChatKit `threads.add_user_message` "add …", its stream read to the end; resolves with the first event's time. */
async function chatkitTurn(url: string, c: Conversation, text: string): Promise<number> {
  const started = performance.now();
  const res = await postJson(`${url}/api/chatkit`, c.user.jwt, {
    type: 'threads.add_user_message',
    params: { thread_id: c.threadId, input: userInput(text) },
  });
  if (res.status !== 200) throw new Error(`ChatKit turn refused: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let first = 0;
  let tail = ''; // the end of the previous chunk too, for markers split across chunks
  let answered = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    first ||= performance.now() - started;
    tail = tail.slice(-80) + decoder.decode(value, { stream: true });
    if (tail.includes('"type":"error"')) throw new Error(`ChatKit turn failed: ${tail}`);
    answered ||= tail.includes('"type":"assistant_message","content":[{'); // the done message, not the added one
  }
  if (!answered) throw new Error('ChatKit turn ended without an answer');
  return first;
}

/** MCP `tools/call` `add_task` over HTTP, as a stateless client sends it (one JSON-RPC POST). */
async function mcpAddTask(url: string, user: TestUser, i: number): Promise<void> {
  const res = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${user.jwt}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: i,
      method: 'tools/call',
      params: { name: 'add_task', arguments: { title: `MCP bench ${i}` } },
    }),
  });
  const text = await res.text();
  if (res.status !== 200 || !text.includes('"task_id"'))
    throw new Error(`tools/call failed: ${res.status} ${text}`);
}

/**
 * The bare SQL an "add …" turn needs, sent directly by one connection per client (issue 12's floor): thread read,
 * history read, user item insert, task insert (counter and task in one statement, as one transaction), three
 * item inserts (tool call, workflow, answer), thread update — 8 statements.
 */
async function sqlFloor(
  dbUrl: string,
  conversations: Conversation[],
  total: number,
  clients: number,
): Promise<Stats> {
  const connections = await Promise.all(
    conversations.slice(0, clients).map(async (c) => {
      const client = new Client({ connectionString: dbUrl });
      await client.connect();
      return { client, c };
    }),
  );
  const id = () => `bench_${randomBytes(8).toString('hex')}`;
  const item = (db: Client, c: Conversation, type: string, payload: object) =>
    db.query(
      `INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload) VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING created_at`,
      [id(), c.threadId, c.user.id, type, JSON.stringify(payload)],
    );
  const answer = { content: [{ type: 'output_text', text: 'Added task 1.', annotations: [] }] };
  const turn = async ({ client: db, c }: (typeof connections)[number], i: number) => {
    await db.query(
      'SELECT id, user_id, title, status, created_at, updated_at FROM chat_threads WHERE id = $1 AND user_id = $2',
      [c.threadId, c.user.id],
    );
    await db.query(
      `SELECT id, thread_id, type, payload, created_at FROM chat_thread_items
       WHERE thread_id = $1 AND user_id = $2 AND type = ANY($3) ORDER BY seq DESC LIMIT 40`,
      [c.threadId, c.user.id, MODEL_ITEM_TYPES],
    );
    await item(db, c, 'user_message', {
      content: [{ type: 'input_text', text: `add floor ${i}` }],
      attachments: [],
      inference_options: {},
    });
    await db.query(
      `WITH n AS (INSERT INTO task_counters (user_id, last_number) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number + 1 RETURNING last_number)
       INSERT INTO tasks (user_id, number, title) SELECT $1, n.last_number, $2 FROM n RETURNING *`,
      [c.user.id, `Floor ${i}`],
    );
    await item(db, c, 'server_tool_call', {
      call_id: id(),
      name: 'add_task',
      arguments: { title: `Floor ${i}` },
      output: '{"task_id":1}',
      is_error: false,
    });
    await item(db, c, 'workflow', { workflow: { type: 'custom', tasks: [], expanded: false } });
    await item(db, c, 'assistant_message', answer);
    await db.query('UPDATE chat_threads SET updated_at = now() WHERE id = $1 AND user_id = $2', [
      c.threadId,
      c.user.id,
    ]);
  };
  // Each client its own connection, user and thread, as each turn below has its own.
  const stats = await measure(total, clients, (i, k) => turn(connections[k], i));
  await Promise.all(connections.map(({ client }) => client.end()));
  return stats;
}

/** Each client its own user and conversation. */
function byClient<T>(conversations: Conversation[], fn: (c: Conversation, i: number) => Promise<T>) {
  return (i: number, client: number) => fn(conversations[client], i);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function run(): Promise<void> {
  const db = await benchDatabase();
  const port = await freePort();
  const concurrency = process.env.BENCH_WEB_CONCURRENCY;
  const backend = benchBackend(port, db.url);
  try {
    await backend.start();
    const url = backend.url;
    const workers = Math.max(1, backendPids(backend).length - 1);
    console.log(
      `\n## Chat turns over HTTP vs their bare SQL (${db.kind} database, offline model, ` +
        `backend: ${workers} process${workers > 1 ? 'es' : ''}${concurrency ? '' : ' (default)'})`,
    );

    const conversations: Conversation[] = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, k) => {
        const user = await signUp(url, `Bench ${k}`);
        const rest = await postJson(`${url}/api/chat`, user.jwt, { message: 'add the first task' });
        const { conversation_id } = (await rest.json()) as { conversation_id: string };
        const ck = await postJson(`${url}/api/chatkit`, user.jwt, {
          type: 'threads.create',
          params: { input: userInput('add the first task') },
        });
        const threadId = /"thread":\{"id":"([^"]+)"/.exec(await ck.text())?.[1];
        if (!threadId) throw new Error('threads.create sent no thread');
        return { user, conversationId: conversation_id, threadId };
      }),
    );
    // The conversations reach the full history window (40 items) before anything is measured.
    await Promise.all(
      conversations.map(async (c) => {
        for (let i = 0; i < 15; i++) {
          await restTurn(url, c, `add warm-up task ${i}`);
          await chatkitTurn(url, c, `add warm-up task ${i}`);
        }
      }),
    );

    const floor1 = await sqlFloor(db.url, conversations, 600, 1);
    report('bare SQL of a turn (8 statements), 1 client', floor1);
    const floor16 = await sqlFloor(db.url, conversations, 4_000, CLIENTS);
    report(`bare SQL of a turn (8 statements), ${CLIENTS} clients`, floor16);

    const rssPeaks: number[] = [];
    /** One measured load: its stats, then the backend's CPU per operation (steadier than latency here). */
    const load = async (
      label: string,
      total: number,
      clients: number,
      fn: (i: number, client: number) => Promise<unknown>,
    ): Promise<Stats> => {
      // Settle first: a worker may still be collecting the garbage of the previous load.
      await new Promise((r) => setTimeout(r, 2_000));
      const cpu = backendCpuMs(backend);
      const { result, mb } = await peakRss(backend, () => measure(total, clients, fn, 2 * clients));
      report(label, result);
      console.log(
        `${''.padEnd(58)} backend CPU ${fmt((backendCpuMs(backend) - cpu) / total, 2)} ms per call`,
      );
      if (clients > 1) rssPeaks.push(...mb);
      return result;
    };
    const rest = (c: Conversation, i: number) => restTurn(url, c, `add task number ${i} please`);
    const rest1 = await load(
      'REST POST /api/chat "add …", 1 client',
      ONE_TURNS,
      1,
      byClient(conversations, rest),
    );
    const rest16 = await load(
      `REST POST /api/chat "add …", ${CLIENTS} clients`,
      MANY_TURNS,
      CLIENTS,
      byClient(conversations, rest),
    );
    const first1: number[] = [];
    const ck1 = await load(
      'ChatKit threads.add_user_message "add …", 1 client',
      ONE_TURNS,
      1,
      byClient(conversations, async (c, i) => {
        const t = await chatkitTurn(url, c, `add errand number ${i}`);
        if (i >= 0) first1.push(t);
      }),
    );
    first1.sort((a, b) => a - b);
    console.log(`ChatKit time to first event, 1 client: p50 ${fmt(first1[first1.length >> 1], 2)} ms`);
    const ck16 = await load(
      `ChatKit threads.add_user_message "add …", ${CLIENTS} clients`,
      MANY_TURNS,
      CLIENTS,
      byClient(conversations, (c, i) => chatkitTurn(url, c, `add errand number ${i}`)),
    );
    const mcp1 = await load('MCP tools/call add_task over HTTP, 1 client', 600, 1, (i) =>
      mcpAddTask(url, conversations[1].user, i),
    );

    const rss = rssPeaks;
    const maxRss = Math.max(...rss);
    const rows: Array<[string, string, string, string, string]> = [
      [
        'REST chat, 1 client, p50',
        `${fmt(floor1.p50, 2)} ms`,
        `${fmt(rest1.p50, 2)} ms`,
        `${fmt(rest1.p50 / floor1.p50)}x`,
        `≤ ${GOAL_P50_RATIO}x: ${verdict(rest1.p50 / floor1.p50 <= GOAL_P50_RATIO)}`,
      ],
      [
        'ChatKit, 1 client, p50',
        `${fmt(floor1.p50, 2)} ms`,
        `${fmt(ck1.p50, 2)} ms`,
        `${fmt(ck1.p50 / floor1.p50)}x`,
        `≤ ${GOAL_P50_RATIO}x: ${verdict(ck1.p50 / floor1.p50 <= GOAL_P50_RATIO)}`,
      ],
      [
        `REST chat, ${CLIENTS} clients, turns/s`,
        `${fmt(floor16.perSecond, 0)}/s`,
        `${fmt(rest16.perSecond, 0)}/s`,
        `1/${fmt(floor16.perSecond / rest16.perSecond)}`,
        `≥ 1/5: ${verdict(rest16.perSecond >= floor16.perSecond * GOAL_THROUGHPUT_SHARE)}`,
      ],
      [
        `ChatKit, ${CLIENTS} clients, turns/s`,
        `${fmt(floor16.perSecond, 0)}/s`,
        `${fmt(ck16.perSecond, 0)}/s`,
        `1/${fmt(floor16.perSecond / ck16.perSecond)}`,
        `≥ 1/5: ${verdict(ck16.perSecond >= floor16.perSecond * GOAL_THROUGHPUT_SHARE)}`,
      ],
      [
        'MCP tools/call over HTTP, p50',
        '',
        `${fmt(mcp1.p50, 2)} ms`,
        '',
        `≤ ${GOAL_MCP_P50_MS} ms: ${verdict(mcp1.p50 <= GOAL_MCP_P50_MS)}`,
      ],
      [
        `RSS per process, ${CLIENTS} clients`,
        '',
        `max ${fmt(maxRss, 0)} MB (${rss.map((m) => fmt(m, 0)).join(', ')})`,
        '',
        `≤ ${GOAL_RSS_MB} MB: ${verdict(maxRss <= GOAL_RSS_MB)}`,
      ],
    ];
    console.log('\n| measure | bare SQL | full turn | ratio | goal |\n| --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await backend.stop().catch(() => undefined);
    await db.dispose();
  }
}
