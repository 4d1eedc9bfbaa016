import { QueryFailedError } from 'typeorm';

/**
 * What a request whose token names a user that no longer exists (deleted while the JWT, valid for minutes,
 * was still in use) gets: 401, as for any credential that is no longer valid.
 */
export const UNKNOWN_USER_MESSAGE = 'The account of this access token no longer exists. Sign in again.';

/**
 * True for the foreign-key violation a write for such a user fails with (`tasks`, `task_counters` and
 * `chat_threads` reference `user`). Checking the user on every request would cost a query per request; the
 * write that needs the user proves it instead, and this maps its failure to 401 rather than a 500.
 */
export function isUnknownUserError(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return (
    driverError?.code === '23503' &&
    typeof driverError.constraint === 'string' &&
    driverError.constraint.endsWith('_user_id_fkey')
  );
}
