import type { ApolloServerPlugin } from './apollo-plugin';
import { GraphQLError } from 'graphql';

/**
 * A request refused before Apollo parses it (too many tokens, too many requests from an address).
 * Carries its HTTP status and headers in `extensions.http`.
 */
export class RequestRefusedError extends GraphQLError {}

/**
 * Apollo Server 5 has no documented hook that answers a request before parsing: anything a plugin
 * throws from `requestDidStart` or `parsingDidStart` is an "unexpected error", reported to
 * `unexpectedErrorProcessingRequest` and then replaced by a bare 500. Rethrowing the refusal from
 * that hook makes Apollo answer with the refusal itself (its code, message and `extensions.http`
 * status/headers), still through `formatError` — the mechanism graphql-armor uses for its token
 * limit. Every other unexpected error is left alone and stays an opaque 500. The integration tests
 * (test/integration/hardening*.integration-spec.ts) pin this behaviour across Apollo upgrades.
 */
export const earlyRefusalPlugin: ApolloServerPlugin = {
  async unexpectedErrorProcessingRequest({ error }) {
    if (error instanceof RequestRefusedError) throw error;
  },
};
