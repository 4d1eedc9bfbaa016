/**
 * Whether an error means the database cannot be reached right now (down, restarting, unreachable, out of
 * connections) rather than that a query was wrong. Such failures are temporary: callers answer 503 ("try again")
 * instead of 500, and nothing about the request itself was at fault.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs: class 08 (connection exception), shutting down / starting up, too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres and pg-pool signal a lost or impossible connection with plain Errors, known only by message.
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))) return true;
    if (typeof code === 'string' && code.startsWith('08') && code.length === 5) return true;
    if (PG_CONNECTION_MESSAGES.some((m) => e instanceof Error && e.message.includes(m))) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool sets `cause`.
    e = (e as { driverError?: unknown }).driverError ?? e.cause;
  }
  return false;
}
