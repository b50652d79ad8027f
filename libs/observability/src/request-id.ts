import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short, printable and free of separators: safe in a log line and a response header. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The request id to use for an incoming `x-request-id` header value: the caller's own when it is a
 * safe token (so an agency system can trace a call end to end), otherwise a fresh UUID. Anything
 * else — too long, repeated header, spaces, CR/LF — is dropped rather than cleaned, so a client
 * can neither forge log lines nor smuggle data into them.
 */
export function sanitizeRequestId(header: unknown): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
