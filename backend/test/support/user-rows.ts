import { Client } from 'pg';
import { testDatabaseUrl } from './test-app';

/** A direct connection to the test database, to check what requests did (or did not) write. */
export async function connectTestDb(): Promise<Client> {
  const db = new Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  return db;
}

export interface UserRows {
  tasks: unknown[];
  task_counters: unknown[];
  chat_threads: unknown[];
  chat_thread_items: unknown[];
  user_settings: unknown[];
}

const ORDER: Record<keyof UserRows, string> = {
  tasks: 'number',
  task_counters: 'user_id',
  chat_threads: 'created_at, id',
  chat_thread_items: 'seq',
  user_settings: 'user_id',
};

/**
 * Every row one user owns in the app's tables, all columns (timestamps, payloads, feedback included), in a
 * stable order: equal snapshots before and after prove that requests changed nothing of that user's.
 */
export async function rowsOf(db: Client, userId: string): Promise<UserRows> {
  const out = {} as UserRows;
  for (const table of Object.keys(ORDER) as Array<keyof UserRows>) {
    const { rows } = await db.query(
      `SELECT coalesce(json_agg(to_jsonb(r) ORDER BY ${ORDER[table]}), '[]'::json) AS rows
       FROM ${table} r WHERE user_id = $1`,
      [userId],
    );
    out[table] = rows[0].rows as unknown[];
  }
  return out;
}
