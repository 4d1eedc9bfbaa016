import { Client } from 'pg';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { userInput } from '../support/chatkit-client';
import { OpenAIChatStub, StubReply } from '../support/openai-stub';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, TestUser } from '../support/users';
import { directDb, eventually } from './fault-support';

const STREAMS = 500;
const CONCURRENCY = 8;
const POOL_MAX = 4;

/** Open handles of this process (backend, stub and client all live here) by kind: TCPSocketWrap, Timeout… */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Kinds whose count grew from `before` to `after` by more than `slack`. */
function growth(before: Record<string, number>, after: Record<string, number>, slack: number) {
  return Object.entries(after)
    .filter(([kind, n]) => n > (before[kind] ?? 0) + slack)
    .map(([kind, n]) => `${kind}: ${before[kind] ?? 0} → ${n}`);
}

/**
 * Clients that go away mid-stream (a closed tab, the Stop button): the run stops — its model call is closed, the
 * "cancelled" note is stored — and after hundreds of them the server holds no more pool clients, sockets or
 * timers than before.
 */
describe('clients disconnecting mid-stream', () => {
  const stub = new OpenAIChatStub();
  let t: TestApp;
  let db: Client;
  let pool: Pool;
  let users: TestUser[];

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp({
      OPENAI_BASE_URL: stub.url,
      AGENT_MODEL: 'stub-model',
      OPENAI_API_KEY: 'sk-test',
      DB_POOL_MAX: String(POOL_MAX),
      CHAT_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'error',
    });
    pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
    db = await directDb();
    users = await Promise.all([1, 2, 3, 4].map((i) => signUp(t.url, `Leaver ${i}`)));
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
    await db.end();
  });

  /**
   * Starts a turn in a new thread (so each thread holds exactly one turn to check), through ChatKit or, one in
   * five, the REST chat stream; waits for its first event and drops the connection.
   */
  async function abandon(i: number): Promise<void> {
    const user = users[i % users.length];
    const abort = new AbortController();
    const [path, body] =
      i % 5 === 4
        ? ['/api/chat/stream', { message: `leave ${i}` }]
        : ['/api/chatkit', { type: 'threads.create', params: { input: userInput(`leave ${i}`) } }];
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the first event (or more) arrived
    abort.abort();
    await reader.read().catch(() => undefined);
  }

  async function abandonMany(from: number, count: number): Promise<void> {
    let next = from;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < from + count) await abandon(next++);
      }),
    );
  }

  /** Nothing running: no model call open, every pool client idle, no query waiting. */
  const quiet = () => stub.inFlight === 0 && pool.waitingCount === 0 && pool.idleCount === pool.totalCount;

  it(`${STREAMS} aborted streams stop their runs and leak no pool clients, sockets or timers`, async () => {
    // Most model calls never answer (only the disconnect can end them); some answer at once (the run and the
    // disconnect race).
    const replies = (): StubReply => (Math.random() < 0.8 ? { hang: true } : { text: ['Done ', 'already.'] });
    stub.reply(...Array.from({ length: STREAMS + 50 }, () => replies));

    await abandonMany(0, 20); // warm-up: pools and caches reach their working size
    await eventually('the warm-up runs to stop', quiet, 20_000);
    const before = handles();
    const poolBefore = pool.totalCount;

    const started = Date.now();
    await abandonMany(20, STREAMS);
    await eventually('every run to stop and release its connection', quiet, 30_000);
    const elapsed = Date.now() - started;

    // Every abandoned turn stopped: its user message is followed by the "cancelled" note, or by a finished reply
    // when the model answered before the disconnect was seen; nothing stays half-done.
    const { rows } = await db.query<{ types: string[] }>(
      `SELECT array_agg(type ORDER BY seq) AS types FROM chat_thread_items
       WHERE user_id = ANY($1) GROUP BY thread_id`,
      [users.map((u) => u.id)],
    );
    expect(rows).toHaveLength(STREAMS + 20);
    const endings = new Map<string, number>();
    for (const { types } of rows) {
      const ending = types.join(' ');
      endings.set(ending, (endings.get(ending) ?? 0) + 1);
    }
    for (const ending of endings.keys())
      expect([
        'user_message sdk_hidden_context', // stopped (before any text)
        'user_message assistant_message sdk_hidden_context', // stopped: the text said so far, and the note
        'user_message assistant_message', // the reply was complete before the disconnect was seen
      ]).toContain(ending);
    expect(endings.get('user_message sdk_hidden_context')).toBeGreaterThan(STREAMS / 2);

    // Pool: no client checked out, none waiting, never more than its size.
    expect(pool.totalCount).toBeLessThanOrEqual(POOL_MAX);
    expect(pool.waitingCount).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);

    // Handles: wait for closed sockets and keep-alive connections to settle, then compare with the warm-up.
    // The slack covers the pool opening up to its size and a few keep-alive sockets of the test's own fetches;
    // a leak per stream would show as hundreds.
    const slack = Math.max(0, pool.totalCount - poolBefore) + 4;
    const after = await eventually(
      'open handles to settle',
      () => {
        const now = handles();
        return growth(before, now, slack).length === 0 ? now : undefined;
      },
      15_000,
      250,
    ).catch(() => handles());
    expect(growth(before, after, slack)).toEqual([]);
    console.log(
      `${STREAMS} aborted streams in ${elapsed} ms; handles before ${JSON.stringify(before)} after ${JSON.stringify(after)}; ` +
        `pool ${pool.totalCount} (${pool.idleCount} idle)`,
    );
  }, 90_000);
});
