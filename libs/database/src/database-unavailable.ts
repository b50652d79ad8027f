/**
 * Tells a database that is away or busy — worth retrying in a moment — from every other error.
 * The gateway answers the first kind with SERVICE_UNAVAILABLE and `retryAfterSeconds` instead of
 * INTERNAL_SERVER_ERROR (README, "Errors").
 */

/** SQLSTATEs of a server that is going away, starting, or out of connections. */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown (a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
]);

/** Conflicts between concurrent transactions: the same request succeeds when simply sent again. */
const CONTENTION_STATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Socket-level errors of the driver while connecting or mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool say these in words only (no code). */
const NETWORK_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open)/;

/** How long a client should wait before retrying, by kind of trouble. */
export const RETRY_AFTER_SECONDS = { unavailable: 5, contention: 1 } as const;

/**
 * Seconds after which the request may be retried when `error` (or what it wraps: TypeORM's
 * `driverError`, `cause`, an AggregateError's errors) says the database is away or contended;
 * null for any other error.
 */
export function databaseRetryAfterSeconds(error: unknown): number | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) {
        return RETRY_AFTER_SECONDS.unavailable;
      }
      if (CONTENTION_STATES.has(code)) return RETRY_AFTER_SECONDS.contention;
    }
    if (typeof message === 'string' && NETWORK_MESSAGES.test(message)) {
      return RETRY_AFTER_SECONDS.unavailable;
    }
    const wrapper = current as { driverError?: unknown; cause?: unknown; errors?: unknown };
    queue.push(wrapper.driverError, wrapper.cause);
    if (Array.isArray(wrapper.errors)) queue.push(...(wrapper.errors as unknown[]));
  }
  return null;
}
