import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * What a request whose token names a user that no longer exists (deleted while the JWT, valid for minutes,
 * was still in use) gets: 401, as for any credential that is no longer valid.
 */
export const UNKNOWN_USER_MESSAGE = 'The account of this access token no longer exists. Sign in again.';

/**
 * True for the foreign-key violation a write for such a user fails with (`tasks`, `task_counters`,
 * `chat_threads` and `chat_rate_windows` reference `user`), whether it came through TypeORM or straight from pg.
 * Checking the user on every request would cost a query per request; the write that needs the user proves it
 * instead, and this maps its failure to 401 rather than a 500.
 */
export function isUnknownUserError(err: unknown): boolean {
  const driverError =
    err instanceof QueryFailedError
      ? (err.driverError as unknown)
      : err instanceof DatabaseError
        ? err
        : undefined;
  const { code, constraint } = (driverError ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23503' && typeof constraint === 'string' && constraint.endsWith('_user_id_fkey');
}
