import { createTestDatabase } from './test-database';
import { registerForTeardown } from './global-teardown';

export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase('embedded');
  process.env.TEST_DATABASE_URL_EMBEDDED = db.url;
  process.env.TEST_DATABASE_KIND_EMBEDDED = db.kind;
  registerForTeardown(db);
}
