import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { AppConfig, buildConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/config.schema';
import { createTestDatabase, TEST_AUTH_SECRET, TestDatabase } from '../test/support/test-database';
import { freePort } from '../test/support/test-app';

import { BackendProcess } from '../test/support/backend-process';
import { benchBackendEnv } from './process-memory';

export { signUp } from '../test/support/users';

/** A database of the benchmark's own (PostgreSQL when reachable, else embedded), migrated. */
export async function benchDatabase(): Promise<TestDatabase> {
  return createTestDatabase('postgres');
}

export interface BenchApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** The real backend on a real port, quiet, without rate limits (they would throttle the load). */
export async function startBenchApp(
  db: TestDatabase,
  overrides: Record<string, string> = {},
): Promise<BenchApp> {
  const port = await freePort();
  const config = buildConfig(
    parseEnv({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: db.url,
      DB_POOL_MAX: '10',
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      CHAT_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
      ...overrides,
    }),
  );
  const app = await createApp(config, {
    kind: db.kind,
    url: db.url,
    poolMax: config.dbPoolMax,
    owned: true,
    close: async () => undefined,
  });
  await app.listen(port, '127.0.0.1');
  return { app, config, url: config.publicUrl, close: () => app.close() };
}

export interface Stats {
  ops: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN; // no samples (every turn failed): printed as NaN, not a crash
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Stats of latencies (ms) collected by hand over `seconds` of wall time. */
export function statsOf(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/**
 * Runs `fn` `total` times with `concurrency` in flight; latencies in ms. A few warm-up calls are not counted.
 * `client` is which of the `concurrency` callers runs the call (0 for the warm-up calls).
 */
export async function measure(
  total: number,
  concurrency: number,
  fn: (i: number, client: number) => Promise<unknown>,
  warmup = 10,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i, 0);
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await fn(i, client);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: total,
    perSecond: total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export function report(label: string, s: Stats): void {
  console.log(
    `${label.padEnd(58)} ${s.perSecond.toFixed(0).padStart(6)} ops/s   p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(7)} ms`,
  );
}

/** The bare-SQL floor of the same machine and run: one parameterized insert + select round trip. */
export async function sqlFloor(url: string, total = 500): Promise<Stats> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TEMP TABLE bench_floor (id serial primary key, v text)');
  const s = await measure(total, 1, async () => {
    await c.query('INSERT INTO bench_floor (v) VALUES ($1)', ['x']);
    await c.query('SELECT id, v FROM bench_floor ORDER BY id DESC LIMIT 1');
  });
  await c.end();
  return s;
}

/** The backend's processes: the one started and its children (the workers of a cluster). */
export function backendPids(backend: BackendProcess): number[] {
  const root = backend.pid!;
  const children = readFileSync(`/proc/${root}/task/${root}/children`, 'utf8').trim();
  return [root, ...(children ? children.split(/\s+/).map(Number) : [])];
}

/** CPU time (user + system, ms) the processes have used so far; one gone counts nothing. */
function processCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime, in clock ticks of 10 ms
    } catch {
      /* gone */
    }
  }
  return ticks * 10;
}

/** CPU time (user + system, ms) the backend's processes have used so far. */
export function backendCpuMs(backend: BackendProcess): number {
  return processCpuMs(backendPids(backend));
}

/**
 * CPU time (ms) PostgreSQL's server processes connected to the database have used so far, per process id (the
 * server runs on this machine in the benches; its processes are the backend's open connections).
 */
export async function databaseCpuMs(url: string): Promise<Map<number, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return new Map(rows.map((r) => [r.pid, processCpuMs([r.pid])]));
  } finally {
    await c.end();
  }
}

/** CPU (ms) the database's server processes used between two readings, counting the ones alive at both. */
export function databaseCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of after) if (before.has(pid)) ms += cpu - before.get(pid)!;
  return ms;
}

/** Resident memory of the backend's processes, the peak of each, sampled while `work` runs. */
export async function peakRss<T>(
  backend: BackendProcess,
  work: () => Promise<T>,
): Promise<{ result: T; mb: number[] }> {
  const peak = new Map<number, number>();
  const sample = () => {
    for (const pid of backendPids(backend)) {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peak.set(pid, Math.max(peak.get(pid) ?? 0, kb / 1024));
      } catch {
        /* gone */
      }
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    sample();
    return { result, mb: [...peak.values()] };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The backend as `npm start` runs it (dist/src/main.js, default WEB_CONCURRENCY), for the turn benches: on
 * `port`, rate limits out of the way, errors only in its log. BENCH_WEB_CONCURRENCY sets its workers and
 * BENCH_NODE_ARGS its node flags (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every backend process).
 */
export function benchBackend(
  port: number,
  databaseUrl: string,
  extra: Record<string, string> = {},
): BackendProcess {
  const concurrency = process.env.BENCH_WEB_CONCURRENCY;
  const backend = new BackendProcess({
    ...benchBackendEnv(port, databaseUrl),
    CHAT_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
    ...(concurrency ? { WEB_CONCURRENCY: concurrency } : {}),
    ...extra,
  });
  backend.nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return backend;
}
