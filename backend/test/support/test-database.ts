import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/config.schema';
import { openDatabase } from '../../src/database/database-endpoint';
import { runMigrations } from '../../src/database/migrate';

export type TestDbKind = 'postgres' | 'embedded';

/** Where the admin connection to the machine's PostgreSQL is (trust auth, user postgres). */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  kind: TestDbKind;
  url: string;
  dispose(): Promise<void>;
}

async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A database of the tests' own on the real PostgreSQL: created here, dropped by dispose(). */
async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `todo_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    dispose: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The embedded PGlite of `npm start`, in a temporary data directory. */
async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'todo-test-pglite-'));
  const db = await openDatabase({ dataDir: dir, poolMax: 4, maxConnections: 64 });
  return {
    kind: 'embedded',
    url: db.url,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  let db: TestDatabase;
  if (kind === 'postgres' && (await postgresReachable())) db = await createPostgresDatabase();
  else {
    if (kind === 'postgres')
      console.warn(`PostgreSQL is not reachable at ${PG_ADMIN_URL}: running on the embedded database`);
    db = await createEmbeddedDatabase();
  }
  const config = buildConfig(
    parseEnv({ DATABASE_URL: db.url, BETTER_AUTH_SECRET: TEST_AUTH_SECRET, LOG_LEVEL: 'warn' }),
  );
  await runMigrations(config, db.url);
  return db;
}

/** Fixed for the whole run so better-auth's encrypted keys stay readable across test apps. */
export const TEST_AUTH_SECRET = 'test-secret-for-the-test-run-only-0123456789abcdef';
