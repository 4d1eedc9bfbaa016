/**
 * `npm run soak`: many concurrent ChatKit conversations against ONE backend process (the built
 * `dist/src/main.js`, started here, so its memory is measured alone) with the offline model, printing numbers.
 *
 * Every user holds one conversation: `threads.create`, then `threads.add_user_message` in a loop of
 * "add …", "show my tasks", "mark task N done", "delete task N-1" (each user keeps at most two tasks, so the
 * work per turn stays the same). Counted as errors: a non-200 answer, a malformed frame, an `error` event, a
 * stream without a finished assistant message, a failed or timed-out request. Exits 1 when there was any.
 *
 * Environment (all optional):
 * - SOAK_USERS    conversations at once (default 200);
 * - SOAK_SECONDS  how long to run (default 60);
 * - SOAK_TURNS    run until this many turns instead (e.g. 10000), bounded by SOAK_MAX_SECONDS (default 900);
 * - SOAK_SAMPLE_SECONDS  RSS sampling interval (default 5);
 * - SOAK_DB_POOL_MAX  the backend's DB_POOL_MAX (default 16); SOAK_NODE_OPTIONS  its NODE_OPTIONS.
 * Only 127.0.0.1 is contacted; the database is a fresh one of its own (benchDatabase()), dropped at the end.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { BackendProcess } from '../test/support/backend-process';
import { ChatKitClient, parseFrame, userInput, type Ev } from '../test/support/chatkit-client';
import { freePort } from '../test/support/test-app';
import { TestUser } from '../test/support/users';
import { benchDatabase, percentile, signUp } from './support';
import { cpuSeconds, envInt, liveHeapMb, rssMb, slope, soakBackendEnv } from './process-memory';

const USERS = envInt('SOAK_USERS', 200);
const TURNS = process.env.SOAK_TURNS ? envInt('SOAK_TURNS', 10_000) : undefined;
const SECONDS = TURNS ? envInt('SOAK_MAX_SECONDS', 900) : envInt('SOAK_SECONDS', 60);
const SAMPLE_MS = envInt('SOAK_SAMPLE_SECONDS', 5) * 1000;
const TURN_TIMEOUT_MS = 60_000;
const SIGNUP_BATCH = 20;

interface TurnResult {
  latency: number;
  firstEvent: number;
  events: Ev[];
}

/**
 * One streaming request read to the end, every frame checked (chatkit-client's parseFrame: `data: <compact
 * JSON>\n\n`). Throws on anything a client could not use.
 */
async function streamTurn(url: string, token: string, type: string, params: unknown): Promise<TurnResult> {
  const started = performance.now();
  const res = await fetch(`${url}/api/chatkit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type, params }),
    signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  if (!res.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`not an event stream: ${res.headers.get('content-type')}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: Ev[] = [];
  let buffer = '';
  let firstEvent = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseFrame(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      firstEvent ||= performance.now() - started;
      if (event.type === 'error') throw new Error(`error event: ${JSON.stringify(event)}`);
      events.push(event);
    }
  }
  if (buffer !== '') throw new Error(`stream ended inside a frame: ${JSON.stringify(buffer.slice(0, 200))}`);
  const answered = events.some((e) => e.type === 'thread.item.done' && e.item?.type === 'assistant_message');
  if (!answered) throw new Error(`no assistant message among ${events.map((e) => e.type).join(',')}`);
  return { latency: performance.now() - started, firstEvent, events };
}

/** The conversation script: turn k of a user (k ≥ 1; the thread's first message added task 1). */
function script(k: number): string {
  const cycle = Math.floor((k - 1) / 4) + 1; // task `cycle + 1` is added in this cycle
  switch ((k - 1) % 4) {
    case 0:
      return `add soak errand ${cycle}`;
    case 1:
      return 'show my tasks';
    case 2:
      return `mark task ${cycle + 1} done`;
    default:
      return `delete task ${cycle}`;
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const port = await freePort();
  const backend = new BackendProcess(
    soakBackendEnv(port, db.url, {
      DB_POOL_MAX: process.env.SOAK_DB_POOL_MAX ?? '16',
      CHAT_RATE_LIMIT_PER_MINUTE: '1000000',
    }),
  );
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await backend.stop().catch(() => undefined);
    await db.dispose().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  let errors = 0;
  try {
    await backend.start();
    const pid = backend.pid!;
    const idle = { rss: rssMb(pid), heap: await liveHeapMb(backend) };
    const bound = TURNS ? `until ${TURNS} turns (at most ${SECONDS} s)` : `for ${SECONDS} s`;
    console.log(
      `\n## Soak: ${USERS} concurrent ChatKit conversations ${bound}, one backend process (pid ${pid}, ${db.kind} database, offline model)`,
    );
    console.log(
      `started ${new Date().toISOString()}; backend idle: RSS ${idle.rss.toFixed(1)} MB, live heap ${idle.heap.toFixed(1)} MB`,
    );

    // Users sign up in parallel batches (scrypt hashing is the backend's slowest request).
    let t0 = performance.now();
    const users: TestUser[] = [];
    for (let i = 0; i < USERS; i += SIGNUP_BATCH)
      users.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(SIGNUP_BATCH, USERS - i) }, (_, k) =>
            signUp(backend.url, `Soak ${i + k}`),
          ),
        )),
      );
    console.log(`${USERS} users signed up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const latencies: number[] = [];
    const firstEvents: number[] = [];
    const failures = new Map<string, number>();
    const fail = (err: unknown) => {
      errors++;
      const msg = (err instanceof Error ? err.message : String(err)).slice(0, 160);
      failures.set(msg, (failures.get(msg) ?? 0) + 1);
    };
    let started = 0;
    let finished = 0;
    // RSS (what the OS sees) and the live heap after a full GC (what a leak would grow), every SAMPLE_MS.
    const samples: Array<{ seconds: number; turns: number; rss: number; heap: number }> = [];
    const sample = async () => {
      const rss = rssMb(pid); // before the probe's GC
      samples.push({
        seconds: (performance.now() - t0) / 1000,
        turns: finished,
        rss,
        heap: await liveHeapMb(backend),
      });
    };
    t0 = performance.now();
    await sample();
    const cpuStart = { backend: cpuSeconds(pid), client: process.cpuUsage() };
    const deadline = t0 + SECONDS * 1000;
    const more = () => performance.now() < deadline && (TURNS === undefined || started < TURNS);
    let loading = true;
    const sampler = (async () => {
      for (let next = t0 + SAMPLE_MS; loading;) {
        await new Promise((r) => setTimeout(r, 100));
        if (loading && performance.now() >= next) {
          await sample();
          next += SAMPLE_MS;
        }
      }
    })();

    const record = (r: TurnResult) => {
      latencies.push(r.latency);
      firstEvents.push(r.firstEvent);
    };
    await Promise.all(
      users.map(async (user, u) => {
        let threadId: string | undefined;
        for (let k = 0; more(); k++) {
          started++;
          try {
            if (threadId === undefined) {
              const r = await streamTurn(backend.url, user.jwt, 'threads.create', {
                input: userInput('add soak errand 0'),
              });
              threadId = r.events.find((e) => e.type === 'thread.created')?.thread?.id as string | undefined;
              if (!threadId) throw new Error('threads.create sent no thread.created');
              record(r);
            } else {
              record(
                await streamTurn(backend.url, user.jwt, 'threads.add_user_message', {
                  thread_id: threadId,
                  input: userInput(script(k)),
                }),
              );
            }
          } catch (err) {
            fail(err);
            if (u === 0 && errors === 1) console.error(err);
          } finally {
            finished++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    loading = false;
    await sampler;
    const cpu = {
      backend: cpuSeconds(pid) - cpuStart.backend,
      client: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuStart.client)),
    };
    await sample();
    const [first, last] = [samples[0], samples[samples.length - 1]];

    // Bounded work: how many tasks each user holds now (the script keeps it at two or fewer).
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const held = (
      await sql.query<{ max: number; items: number }>(
        `SELECT (SELECT coalesce(max(n), 0) FROM (SELECT count(*)::int AS n FROM tasks GROUP BY user_id) c) AS max,
                (SELECT count(*)::int FROM chat_thread_items) AS items`,
      )
    ).rows[0];
    await sql.end();
    // A last check that the backend still answers a plain request after the load.
    const health = await fetch(`${backend.url}/health`).then((r) => r.status);
    const listed = await new ChatKitClient(backend.url, users[0].jwt).json('threads.list', { limit: 5 });

    latencies.sort((a, b) => a - b);
    firstEvents.sort((a, b) => a - b);
    const half = samples.filter((s) => s.turns >= finished / 2);
    const trend = (key: 'rss' | 'heap', pts: typeof samples) =>
      (slope(pts.map((s) => [s.turns / 1000, s[key]])) || 0).toFixed(2);
    console.log(`\nmemory samples (every ${SAMPLE_MS / 1000} s; live heap after a full GC):`);
    for (const s of samples)
      console.log(
        `  t=${s.seconds.toFixed(0).padStart(4)} s  turns ${String(s.turns).padStart(6)}  RSS ${s.rss.toFixed(1).padStart(6)} MB  live heap ${s.heap.toFixed(1).padStart(6)} MB`,
      );
    console.log(`
turns: ${finished} in ${elapsed.toFixed(1)} s = ${(finished / elapsed).toFixed(1)} turns/s, ${USERS} streams at once
errors: ${errors}${[...failures].map(([m, n]) => `\n  ${n} x ${m}`).join('')}
turn latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1]?.toFixed(1)} ms
time to first event: p50 ${percentile(firstEvents, 50).toFixed(1)} ms, p99 ${percentile(firstEvents, 99).toFixed(1)} ms
backend RSS: idle ${idle.rss.toFixed(1)} MB, start of load ${first.rss.toFixed(1)} MB, end ${last.rss.toFixed(1)} MB, max ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB
backend live heap: idle ${idle.heap.toFixed(1)} MB, start of load ${first.heap.toFixed(1)} MB, end ${last.heap.toFixed(1)} MB, max ${Math.max(...samples.map((s) => s.heap)).toFixed(1)} MB
trend (MB per 1,000 turns, least squares): RSS ${trend('rss', samples)} over the run, ${trend('rss', half)} over its second half; live heap ${trend('heap', samples)} over the run, ${trend('heap', half)} over its second half
CPU during the load: backend ${cpu.backend.toFixed(1)} s (${((100 * cpu.backend) / elapsed).toFixed(0)}% of one core), this client ${cpu.client.toFixed(1)} s (${((100 * cpu.client) / elapsed).toFixed(0)}%); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores
most tasks held by one user: ${held.max}; stored thread items: ${held.items}
after the load: /health ${health}, threads.list ${listed.status}`);
    if (health !== 200 || listed.status !== 200) errors++;
  } finally {
    await cleanup();
  }
  if (errors > 0) {
    console.error(`\nsoak FAILED: ${errors} error(s)`);
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
