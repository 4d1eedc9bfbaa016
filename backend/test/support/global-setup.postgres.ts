import { createTestDatabase } from './test-database';
import { registerForTeardown } from './global-teardown';

export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase('postgres');
  process.env.TEST_DATABASE_URL_POSTGRES = db.url;
  process.env.TEST_DATABASE_KIND_POSTGRES = db.kind;
  registerForTeardown(db);
}
