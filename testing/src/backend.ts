import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const MAIN = join(__dirname, '../../backend/dist/src/main.js');
const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface RunningBackend {
  url: string;
  /** Everything the backend printed (for failure messages). */
  output(): string;
  /** Runs `npm run sites -- <args> --json` against this backend's database and answers the parsed JSON. */
  sites(...args: string[]): Promise<SitesAnswer>;
  /** Runs one SQL statement on this backend's database (what no API does: a webhook disabled a day ago). */
  sql(text: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/** What `sites … --json` prints: `{ id, secret, snippet }` for create, a site or a report otherwise. */
export type SitesAnswer = { id: string; secret: string } & Record<string, unknown>;

const SITES_CLI = join(__dirname, '../../backend/dist/src/sites/sites.cli.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function postgresDatabase(): Promise<{ url?: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    console.warn(`PostgreSQL is not reachable at ${PG_ADMIN_URL}: the backend uses its embedded database`);
    return { drop: async () => undefined };
  }
  const name = `todo_widget_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The real backend (`node backend/dist/src/main.js`, as `npm start` runs it) on a random port with a fresh
 * PostgreSQL database of its own, dropped by stop(). `allowedOrigins` are the pages that may embed it.
 */
export async function startBackend(options: {
  allowedOrigins: string[];
  env?: Record<string, string>;
}): Promise<RunningBackend> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const db = await postgresDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'todo-widget-backend-'));
  let output = '';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: 'widget-tests-secret-0123456789abcdefghijkl',
    ALLOWED_ORIGINS: options.allowedOrigins.join(','),
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    CHAT_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'warn',
    WEB_CONCURRENCY: '1', // one process is enough for a browser journey; the cluster has suites of its own
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sites = (...args: string[]) =>
    new Promise<SitesAnswer>((resolve, reject) => {
      execFile(process.execPath, [SITES_CLI, ...args, '--json'], { env }, (err, stdout, stderr) => {
        if (err) reject(new Error(`sites ${args.join(' ')} failed: ${stdout}${stderr}`));
        else resolve(JSON.parse(stdout) as SitesAnswer);
      });
    });
  const sql = async (text: string, values: unknown[] = []) => {
    if (!db.url) throw new Error('sql() needs PostgreSQL: this backend runs on its embedded database');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
  // A test run that ends without stop() (a crash, a timeout) must not leave the backend running.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.removeListener('exit', orphanGuard));
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the backend exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`)).status === 200)
        return { url, output: () => output, sites, sql, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`the backend did not become healthy:\n${output}`);
}
