import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Nest injection token of the DatabaseEndpoint the app was built on. */
export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

/** Where the backend's PostgreSQL is, and how to let it go. */
export interface DatabaseEndpoint {
  kind: 'postgres' | 'embedded';
  url: string;
  poolMax: number;
  close(): Promise<void>;
}

// pglite-socket multiplexes every connection onto one PGlite session; a few connections are enough.
const EMBEDDED_MAX_CONNECTIONS = 16;
const EMBEDDED_POOL_MAX = 8;

/**
 * `DATABASE_URL` set → that PostgreSQL. Unset → an embedded PGlite kept in `<dataDir>/pglite`, served on
 * 127.0.0.1 through pglite-socket so TypeORM and better-auth use the ordinary `pg` driver either way.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolMax: number;
  maxConnections?: number;
}): Promise<DatabaseEndpoint> {
  if (opts.databaseUrl) {
    return { kind: 'postgres', url: opts.databaseUrl, poolMax: opts.poolMax, close: async () => undefined };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = join(opts.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: opts.maxConnections ?? EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    kind: 'embedded',
    url,
    poolMax: Math.min(opts.poolMax, EMBEDDED_POOL_MAX),
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
