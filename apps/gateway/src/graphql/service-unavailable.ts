import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@simpul/common';
import type { ApolloServerPlugin } from '../hardening/apollo-plugin';

/**
 * The answer while the database is away (a restart, a failover) or contended: a retryable code
 * with the seconds to wait, instead of INTERNAL_SERVER_ERROR. A fixed message: no SQL, no host.
 */
export function serviceUnavailable(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('Service temporarily unavailable; retry later', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds },
  });
}

function retryAfterIn(errors: readonly GraphQLFormattedError[] | undefined): number | undefined {
  const seconds = errors
    ?.filter((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)
    .map((error) => Number(error.extensions?.retryAfterSeconds))
    .filter((value) => Number.isFinite(value));
  return seconds?.length ? Math.max(...seconds) : undefined;
}

/**
 * Adds `Retry-After` to a response with SERVICE_UNAVAILABLE, and answers HTTP 503 when nothing of
 * the operation could be served (`data` null or absent) — the case where the GraphQL-over-HTTP
 * rules allow a non-2xx status. A partial result keeps HTTP 200, its errors saying what failed.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const seconds = retryAfterIn(errors);
        if (seconds === undefined) return;
        response.http.headers.set('retry-after', String(seconds));
        if (data === null || data === undefined) response.http.status = 503;
      },
    };
  },
};
