import { Logger } from '@nestjs/common';
import { getMigrations } from 'better-auth/db/migration';
import { Pool } from 'pg';
import { authOptions } from '../auth/auth.instance';
import { AppConfig, loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { openDatabase } from './database-endpoint';

// Any constant shared by every backend instance: two instances starting at once migrate one after the other.
const MIGRATION_LOCK = 7_243_001;

/** Creates better-auth's tables (its own programmatic migrations), then runs ours. Idempotent. */
export async function runMigrations(config: AppConfig, url: string): Promise<void> {
  const logger = new Logger('Migrations');
  const pool = new Pool({ connectionString: url, max: 2 });
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const auth = await getMigrations(authOptions(config, pool));
    if (auth.toBeCreated.length || auth.toBeAdded.length) {
      logger.log(`better-auth: creating ${auth.toBeCreated.map((t) => t.table).join(', ') || '-'}`);
      await auth.runMigrations();
    }
    const ds = createDataSource(url, 1);
    await ds.initialize();
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      if (done.length) logger.log(`applied ${done.map((m) => m.name).join(', ')}`);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
    await pool.end();
  }
}

/** `npm run migrate`: migrate the configured database and exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    await runMigrations(config, db.url);
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
