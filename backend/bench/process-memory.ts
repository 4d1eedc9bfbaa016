/**
 * What the soaks share: their settings from the environment, the backend process they start (one process, the heap
 * probe preloaded), and what they read of it: RSS and CPU from /proc, the live heap from its probe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendProcess } from '../test/support/backend-process';
import { TEST_AUTH_SECRET } from '../test/support/test-database';

/** A positive integer setting, or the fallback when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

/** What every benchmarked backend runs with: production, on loopback `port`, sign-ups not rate limited. */
export function benchBackendEnv(port: number, databaseUrl: string): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    NODE_ENV: 'production',
  };
}

/** The environment of a soak's backend: one production process on `port`, whose memory the heap probe reports. */
export function soakBackendEnv(port: number, databaseUrl: string, extra: Record<string, string> = {}) {
  return {
    ...benchBackendEnv(port, databaseUrl),
    LOG_LEVEL: 'warn',
    WEB_CONCURRENCY: '1', // one process, whose memory is measured
    // The heap probe (live heap after a full GC, on SIGUSR2), plus e.g. a profiler's --require.
    NODE_OPTIONS: `--expose-gc --require ${join(__dirname, 'soak-probe.js')} ${process.env.SOAK_NODE_OPTIONS ?? ''}`,
    ...extra,
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/**
 * The backend's live heap after a full GC, in MB, from the probe preloaded into it (soak-probe.ts): SIGUSR2,
 * then its answer line on stdout.
 */
export async function liveHeapMb(backend: BackendProcess): Promise<number> {
  const seen = backend.output.split('SOAK_PROBE ').length;
  process.kill(backend.pid!, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (backend.output.split('SOAK_PROBE ').length === seen) {
    if (Date.now() > deadline) throw new Error('the backend did not answer the heap probe');
    await new Promise((r) => setTimeout(r, 20));
  }
  const line = backend.output.slice(backend.output.lastIndexOf('SOAK_PROBE ') + 11).split('\n')[0];
  return (JSON.parse(line) as { heapUsed: number }).heapUsed / 2 ** 20;
}

/** Least-squares slope of y over x. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  return sxx === 0 ? NaN : sxy / sxx;
}
