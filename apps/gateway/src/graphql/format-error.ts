import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@simpul/common';
import { databaseRetryAfterSeconds } from '@simpul/database';
import { serviceUnavailable } from './service-unavailable';

/** Codes a client may see: the contract's resolver codes and Apollo's own request-level ones. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Last line of defence before an error leaves the process: anything without a public code — an
 * ORM or driver error, a bug — becomes INTERNAL_SERVER_ERROR with a fixed message, so no stack,
 * SQL or personal data reaches a client. A database outage that reached here without passing
 * DomainErrorFilter (thrown outside a resolver) still answers SERVICE_UNAVAILABLE.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const retryAfterSeconds = databaseRetryAfterSeconds(
    (error as { originalError?: unknown } | undefined)?.originalError ?? error,
  );
  if (retryAfterSeconds !== null) {
    const unavailable = serviceUnavailable(retryAfterSeconds);
    return {
      message: unavailable.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: unavailable.extensions,
    };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
