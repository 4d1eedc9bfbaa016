import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { signWithBackendKey } from './tokens';

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

/**
 * A factory user with an access token the backend signed itself (as `/api/auth/token` would): for suites that
 * need many fresh users over HTTP without paying for password hashing on each sign-up.
 */
export async function createTokenUser(
  app: INestApplication,
  name?: string,
): Promise<{ id: string; jwt: string }> {
  const id = await createUserRow(app.get(DataSource), name);
  return { id, jwt: await signWithBackendKey(app, { sub: id, email: `${id}@factory.test` }) };
}
