import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepQueriesWhole } from './pglite-batches';

/** Nest injection token of the DatabaseEndpoint the app was built on. */
export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

/** Where the backend's PostgreSQL is, and how to let it go. */
export interface DatabaseEndpoint {
  kind: 'postgres' | 'embedded';
  url: string;
  poolMax: number;
  /** False when this process borrowed an embedded database another process runs (see `shared`). */
  owned: boolean;
  close(): Promise<void>;
}

/** Where a running embedded database says how to reach it, for other processes of this data directory. */
const ENDPOINT_FILE = 'endpoint.json';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded database another live process serves from `dir`, if any. */
function runningEmbedded(dir: string): string | undefined {
  try {
    const { url, pid } = JSON.parse(readFileSync(join(dir, ENDPOINT_FILE), 'utf8')) as {
      url: string;
      pid: number;
    };
    return pid !== process.pid && isRunning(pid) ? url : undefined;
  } catch {
    return undefined;
  }
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
  /**
   * A tool beside a running `npm start` (`npm run sites`): PGlite's files belong to one process at a time, so
   * when another live process serves this data directory, connect to it instead of opening the files.
   */
  shared?: boolean;
}): Promise<DatabaseEndpoint> {
  if (opts.databaseUrl) {
    return {
      kind: 'postgres',
      url: opts.databaseUrl,
      poolMax: opts.poolMax,
      owned: true,
      close: async () => undefined,
    };
  }
  const dir = join(opts.dataDir, 'pglite');
  const running = opts.shared ? runningEmbedded(dir) : undefined;
  if (running)
    return { kind: 'embedded', url: running, poolMax: 1, owned: false, close: async () => undefined };
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: opts.maxConnections ?? EMBEDDED_MAX_CONNECTIONS,
  });
  keepQueriesWhole(server);
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  writeFileSync(join(dir, ENDPOINT_FILE), JSON.stringify({ url, pid: process.pid }));
  return {
    kind: 'embedded',
    url,
    poolMax: Math.min(opts.poolMax, EMBEDDED_POOL_MAX),
    owned: true,
    close: async () => {
      rmSync(join(dir, ENDPOINT_FILE), { force: true });
      await server.stop();
      await db.close();
    },
  };
}
