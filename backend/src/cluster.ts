import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { jsonLogger } from './common/json-logger';
import { AppConfig } from './config/app-config';
import { runMigrations } from './database/migrate';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * V8 heap settings of the workers (a backend in one process gets the growth factor only). By default V8 lets the
 * old generation grow to ~3x the live heap before a full collection (the live heap is ~70 MB, most of it the
 * loaded code) and keeps 2 x 16 MB of young generation: 300-380 MB RSS per worker under 16 concurrent turns.
 * Growing by 40% and 2 x 4 MB of young generation keep a worker near 185 MB (2 x 8 MB: ~197 MB) at no measurable
 * cost in turns per second; 2 x 2 MB saves 7 MB more but costs ~5% of them. The same flags on node's own
 * command line win.
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=40';
export const WORKER_HEAP_FLAGS = ['--max-semi-space-size=4', HEAP_GROWING_FLAG];

/**
 * How many backend processes serve the port: with PostgreSQL, `WEB_CONCURRENCY`, else one per core (a turn is
 * CPU-bound in Node, and nothing in a process is needed by another). The embedded database is one PGlite
 * session inside one process, for local use: it is always served by that one process.
 */
export function processCount(config: AppConfig): number {
  if (!config.databaseUrl) {
    if ((config.webConcurrency ?? 1) > 1)
      new Logger('Cluster').warn(
        'WEB_CONCURRENCY is ignored with the embedded database: one process serves it',
      );
    return 1;
  }
  return config.webConcurrency ?? availableParallelism();
}

/**
 * The primary of a multi-process backend on PostgreSQL: migrates the database once, then forks `count` workers
 * that share the port (Node's cluster hands connections out round-robin). A worker that dies is replaced;
 * SIGTERM/SIGINT stop the workers gracefully.
 */
export async function runPrimary(config: AppConfig, count: number, databaseUrl: string): Promise<void> {
  Logger.overrideLogger(jsonLogger(config));
  const logger = new Logger('Cluster');
  await runMigrations(config, databaseUrl);
  const own = new Set(process.execArgv.map((a) => a.split('=')[0]));
  cluster.setupPrimary({
    execArgv: [...process.execArgv, ...WORKER_HEAP_FLAGS.filter((f) => !own.has(f.split('=')[0]))],
  });
  const workers = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  let stopping = false;

  const fork = () => workers.add(cluster.fork());
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Not unref'd: it also keeps the primary alive until it has seen every worker exit (and reaped it).
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    await Promise.all(
      [...workers].map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM'); // the worker's own handler closes it gracefully
          }),
      ),
    );
    clearTimeout(force);
    process.exit(code);
  };

  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    workers.delete(worker);
    if (stopping) return;
    if (code === 0 && !signal) {
      // Stopped on purpose (a signal of its own): not replaced. The primary goes when the last one went.
      if (workers.size === 0) void stop(0);
      return;
    }
    if (!listening.has(worker)) {
      // It never served (bad port, unreachable database…): another would fail the same way.
      logger.error(`worker ${worker.process.pid} failed before it listened (${signal ?? code}): stopping`);
      void stop(1);
      return;
    }
    logger.warn(`worker ${worker.process.pid} exited (${signal ?? code}): starting another`);
    fork();
  });
  // `on`, not `once`: the Agents SDK exits the process on a signal nobody else listens to any more.
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));

  for (let i = 0; i < count; i++) fork();
  logger.log(`${count} workers on port ${config.port}`);
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}
