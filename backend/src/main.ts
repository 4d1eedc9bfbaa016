import { Logger } from '@nestjs/common';
import { setFlagsFromString } from 'node:v8';
import { HEAP_GROWING_FLAG, isClusterWorker, processCount, runPrimary } from './cluster';
import { AppConfig, loadConfig } from './config/app-config';
import { openDatabase } from './database/database-endpoint';
import { runMigrations } from './database/migrate';

const SHUTDOWN_GRACE_MS = 10_000;

/** One backend process serving the port: alone, or as a worker of the cluster (the primary migrated). */
async function serve(config: AppConfig): Promise<void> {
  const logger = new Logger('Main');
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
  });
  if (!isClusterWorker()) await runMigrations(config, db.url);
  // Loaded here, not at the top: a cluster primary never loads the app (it stays small).
  const { createApp } = await import('./app.factory.js');
  const app = await createApp(config, db);
  await app.listen(config.port, config.host);
  logger.log(
    `listening on ${config.publicUrl} (port ${config.port}, database: ${db.kind}, model: ${config.model.kind})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  // `on`, not `once`: the Agents SDK's tracing exits the process at once on a signal that no other listener
  // handles any more, which cut the graceful shutdown short.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  // Read by V8 at every full collection, so it applies when set now (a worker gets it on its command line too).
  setFlagsFromString(HEAP_GROWING_FLAG);
  const config = loadConfig();
  const count = processCount(config);
  if (count > 1 && config.databaseUrl && !isClusterWorker())
    await runPrimary(config, count, config.databaseUrl);
  else await serve(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
