import type { TestDatabase } from './test-database';

const KEY = Symbol.for('todo-assistant.test-databases');
type Holder = { [KEY]?: TestDatabase[] };

export function registerForTeardown(db: TestDatabase): void {
  const g = globalThis as Holder;
  (g[KEY] ??= []).push(db);
}

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Holder;
  const dbs = g[KEY] ?? [];
  g[KEY] = [];
  for (const db of dbs) await db.dispose();
}
