/**
 * `npm run soak` (second part): many open `GET /api/events` streams on ONE backend process — the live task events
 * every signed-in page keeps open — with changes flowing, printing numbers. Memory must stay flat while they stay
 * open: sampled every SOAK_SAMPLE_SECONDS, as RSS and as the live heap after a full GC.
 *
 * Each of SOAK_STREAM_USERS users (default 200) opens SOAK_STREAMS / users streams (tabs, phones); a writer changes
 * one task of a random user every SOAK_WRITE_MS (default 20 ms) over REST; every stream of that user must receive
 * the event. Counted as errors: a stream that ends or fails, an event a stream of its user did not get within 5 s.
 * Environment: SOAK_STREAMS (default 2000), SOAK_STREAM_USERS, SOAK_STREAM_SECONDS (default 60), SOAK_WRITE_MS,
 * SOAK_SAMPLE_SECONDS (default 5). Only 127.0.0.1 is contacted; the database is a fresh one, dropped at the end.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BackendProcess } from '../test/support/backend-process';
import { freePort } from '../test/support/test-app';
import { TestUser } from '../test/support/users';
import { cpuSeconds, envInt, liveHeapMb, rssMb, slope, soakBackendEnv } from './process-memory';
import { benchDatabase, percentile, signUp } from './support';

const STREAMS = envInt('SOAK_STREAMS', 2000);
const USERS = Math.min(envInt('SOAK_STREAM_USERS', 200), STREAMS);
const SECONDS = envInt('SOAK_STREAM_SECONDS', 60);
const WRITE_MS = envInt('SOAK_WRITE_MS', 20);
const SAMPLE_MS = envInt('SOAK_SAMPLE_SECONDS', 5) * 1000;
const DELIVERY_TIMEOUT_MS = 5_000;
const SIGNUP_BATCH = 20;

/** One open stream: counts what it received by task title (the writer's titles are unique). */
class Stream {
  readonly seen = new Map<string, number>(); // title → ms after it was written
  ended: string | null = null;
  private readonly controller = new AbortController();

  constructor(
    readonly user: number,
    private readonly written: Map<string, number>,
  ) {}

  async open(url: string, token: string): Promise<void> {
    const res = await fetch(`${url}/api/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: this.controller.signal, // Node's fetch pool has no per-origin connection limit
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    void this.read(res.body!);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const title = (JSON.parse(data.slice(6)) as { task: { title: string } }).task.title;
          const at = this.written.get(title);
          if (at !== undefined) this.seen.set(title, performance.now() - at);
        }
      }
      if (!this.controller.signal.aborted) this.ended = 'the stream ended';
    } catch (err) {
      if (!this.controller.signal.aborted) this.ended = err instanceof Error ? err.message : String(err);
    }
  }

  close(): void {
    this.controller.abort();
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const port = await freePort();
  const backend = new BackendProcess(soakBackendEnv(port, db.url));
  const streams: Stream[] = [];
  const cleanup = async () => {
    for (const s of streams) s.close();
    await backend.stop().catch(() => undefined);
    await db.dispose().catch(() => undefined);
  };
  let errors = 0;
  try {
    await backend.start();
    const pid = backend.pid!;
    const idle = { rss: rssMb(pid), heap: await liveHeapMb(backend) };
    console.log(
      `\n## Soak: ${STREAMS} open event streams (${USERS} users) for ${SECONDS} s, one backend process (pid ${pid}, ${db.kind} database)`,
    );
    let t0 = performance.now();
    const users: TestUser[] = [];
    for (let i = 0; i < USERS; i += SIGNUP_BATCH)
      users.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(SIGNUP_BATCH, USERS - i) }, (_, k) =>
            signUp(backend.url, `Stream ${i + k}`),
          ),
        )),
      );
    console.log(`${USERS} users signed up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const written = new Map<string, number>();
    const byUser = new Map<number, Stream[]>();
    t0 = performance.now();
    for (let i = 0; i < STREAMS; i += 100)
      await Promise.all(
        Array.from({ length: Math.min(100, STREAMS - i) }, async (_, k) => {
          const u = (i + k) % USERS;
          const s = new Stream(u, written);
          streams.push(s);
          byUser.set(u, [...(byUser.get(u) ?? []), s]);
          await s.open(backend.url, users[u].jwt);
        }),
      );
    const opened = { rss: rssMb(pid), heap: await liveHeapMb(backend) };
    console.log(
      `${STREAMS} streams open in ${((performance.now() - t0) / 1000).toFixed(1)} s; backend idle RSS ${idle.rss.toFixed(1)} MB → ${opened.rss.toFixed(1)} MB with the streams open (live heap ${idle.heap.toFixed(1)} → ${opened.heap.toFixed(1)} MB)`,
    );

    const samples: Array<{ seconds: number; events: number; rss: number; heap: number }> = [];
    let writes = 0;
    const sample = async () =>
      samples.push({
        seconds: (performance.now() - t0) / 1000,
        events: writes,
        rss: rssMb(pid),
        heap: await liveHeapMb(backend),
      });
    t0 = performance.now();
    await sample();
    const cpuStart = cpuSeconds(pid);
    const deadline = t0 + SECONDS * 1000;
    const pending: Array<{ title: string; user: number }> = [];
    let nextSample = t0 + SAMPLE_MS;
    while (performance.now() < deadline) {
      const user = writes % USERS;
      const title = `soak event ${writes}`;
      written.set(title, performance.now());
      writes++;
      const res = await fetch(`${backend.url}/api/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${users[user].jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (res.status !== 201) errors++;
      await res.arrayBuffer();
      pending.push({ title, user });
      await new Promise((r) => setTimeout(r, WRITE_MS));
      if (performance.now() >= nextSample) {
        await sample();
        nextSample += SAMPLE_MS;
      }
    }
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(pid) - cpuStart;
    await new Promise((r) => setTimeout(r, DELIVERY_TIMEOUT_MS));
    await sample();

    const delays: number[] = [];
    let missed = 0;
    for (const { title, user } of pending)
      for (const s of byUser.get(user) ?? []) {
        const d = s.seen.get(title);
        if (d === undefined) missed++;
        else delays.push(d);
      }
    const ended = streams.filter((s) => s.ended);
    errors += missed + ended.length;
    delays.sort((a, b) => a - b);
    const trend = (key: 'rss' | 'heap') =>
      (slope(samples.map((s) => [s.seconds / 60, s[key]])) || 0).toFixed(2);
    console.log(`\nmemory samples (every ${SAMPLE_MS / 1000} s; live heap after a full GC):`);
    for (const s of samples)
      console.log(
        `  t=${s.seconds.toFixed(0).padStart(4)} s  changes ${String(s.events).padStart(6)}  RSS ${s.rss.toFixed(1).padStart(6)} MB  live heap ${s.heap.toFixed(1).padStart(6)} MB`,
      );
    const [first, last] = [samples[0], samples[samples.length - 1]];
    console.log(`
changes: ${writes} in ${elapsed.toFixed(1)} s, each to ${STREAMS / USERS} streams: ${delays.length} deliveries, ${missed} missed, ${ended.length} streams ended
delivery delay: p50 ${percentile(delays, 50).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms, max ${(delays[delays.length - 1] ?? 0).toFixed(1)} ms
backend RSS: start ${first.rss.toFixed(1)} MB, end ${last.rss.toFixed(1)} MB, max ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB; live heap start ${first.heap.toFixed(1)} MB, end ${last.heap.toFixed(1)} MB
trend (MB per minute, least squares): RSS ${trend('rss')}, live heap ${trend('heap')}
backend CPU: ${cpu.toFixed(1)} s (${((100 * cpu) / elapsed).toFixed(0)}% of one core); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`);
    if (ended.length) console.log(`first stream failure: ${ended[0].ended}`);
  } finally {
    await cleanup();
  }
  if (errors > 0) {
    console.error(`\nstreams soak FAILED: ${errors} error(s)`);
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
