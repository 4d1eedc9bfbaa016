import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { createApp } from '../../src/app.factory';
import { AppConfig, buildConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/config.schema';
import { TEST_AUTH_SECRET, TestDbKind } from './test-database';

declare const TEST_DB_KIND: TestDbKind;

/** The database of this jest project (set up by its globalSetup). */
export function testDatabaseUrl(): string {
  const url =
    TEST_DB_KIND === 'embedded'
      ? process.env.TEST_DATABASE_URL_EMBEDDED
      : process.env.TEST_DATABASE_URL_POSTGRES;
  if (!url) throw new Error('No test database: run the specs through jest so globalSetup creates one');
  return url;
}

export function testDbKind(): TestDbKind {
  return TEST_DB_KIND;
}

/** What the test database really is: a `postgres` project falls back to embedded without a PostgreSQL. */
function testDatabaseActualKind(): TestDbKind {
  const kind =
    TEST_DB_KIND === 'embedded'
      ? process.env.TEST_DATABASE_KIND_EMBEDDED
      : process.env.TEST_DATABASE_KIND_POSTGRES;
  return kind === 'embedded' ? 'embedded' : 'postgres';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Environment of a test backend; PUBLIC_URL must be known before the app exists (JWT issuer). */
export function testEnv(port: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: testDatabaseUrl(),
    DB_POOL_MAX: '4',
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    ALLOWED_ORIGINS: 'http://localhost:8080',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    // Guests per client address: every spec's guests come from loopback, counted in the one test database.
    GUEST_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'error',
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** The real backend on a real port, on the test database. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const port = await freePort();
  const config = buildConfig(parseEnv(testEnv(port, overrides)));
  const app = await createApp(config, {
    kind: config.databaseUrl === testDatabaseUrl() ? testDatabaseActualKind() : 'postgres',
    url: config.databaseUrl!,
    poolMax: config.dbPoolMax,
    owned: true,
    close: async () => undefined,
  });
  await app.listen(port, '127.0.0.1');
  return { app, config, url: config.publicUrl, close: () => app.close() };
}
