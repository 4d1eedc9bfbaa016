import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A user row created directly (no password hashing), for suites that need hundreds of fresh users and act
 * for them in process. Suites that go through HTTP sign up for real (users.ts).
 */
export async function createUserRow(db: DataSource, name = 'Factory User'): Promise<string> {
  const id = randomUUID().replace(/-/g, '');
  await db.query(
    `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, $3, false, now(), now())`,
    [id, name, `${id}@factory.test`],
  );
  return id;
}
