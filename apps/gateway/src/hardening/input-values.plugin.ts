import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from './apollo-plugin';
import { findInvalidInput } from './input-values';

/**
 * HTTP side of findInvalidInput: once Apollo has parsed and validated the document and resolved
 * the operation, and before anything executes. A problem answers HTTP 400 with BAD_USER_INPUT and
 * `extensions.field`, as Apollo answers a variable of the wrong type; no resolver runs, so nothing
 * is written. (Apollo documents throwing from `didResolveOperation` for exactly this: validation
 * that needs the variables.)
 */
export const inputValuesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return; // execution reports an operation it cannot identify
        const problem = findInvalidInput({
          schema,
          document,
          operation,
          variableValues: request.variables,
        });
        if (problem) {
          throw new GraphQLError(problem.message, {
            nodes: problem.nodes,
            extensions: { ...problem.extensions, http: { status: 400 } },
          });
        }
      },
    };
  },
};
