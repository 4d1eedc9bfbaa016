import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { jsonLogger } from './common/json-logger';
import { AppConfig } from './config/app-config';
import { DatabaseEndpoint, EMBEDDED_POOL_MAX, openDatabase } from './database/database-endpoint';
import { runMigrations } from './database/migrate';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * How many backend processes serve the port: `WEB_CONCURRENCY`, else one per core with PostgreSQL (a turn is
 * CPU-bound in Node, and nothing in a process is needed by another) and one with the embedded database, whose
 * single PGlite session in the primary would be the bottleneck of any number of workers.
 */
export function processCount(config: AppConfig): number {
  return config.webConcurrency ?? (config.databaseUrl ? availableParallelism() : 1);
}

/**
 * The primary of a multi-process backend: opens the database (the embedded one lives here, served to the
 * workers over its socket), migrates it once, then forks `count` workers that share the port (Node's cluster
 * hands connections out round-robin). A worker that dies is replaced; SIGTERM/SIGINT stop the workers
 * gracefully, then the database.
 */
export async function runPrimary(config: AppConfig, count: number): Promise<void> {
  Logger.overrideLogger(jsonLogger(config));
  const logger = new Logger('Cluster');
  const db: DatabaseEndpoint = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    maxConnections: count * EMBEDDED_POOL_MAX,
  });
  await runMigrations(config, db.url);

  // Workers reach the database the primary opened (the same URL with PostgreSQL, the socket of the embedded one).
  const workerEnv = { DATABASE_URL: db.url, DB_POOL_MAX: String(db.poolMax) };
  const workers = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  let stopping = false;

  const fork = () => workers.add(cluster.fork(workerEnv));
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
    await db.close();
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
  logger.log(`${count} workers on port ${config.port} (database: ${db.kind})`);
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}
