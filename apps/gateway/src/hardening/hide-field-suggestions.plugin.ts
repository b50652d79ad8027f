import type { ApolloServerPlugin } from './apollo-plugin';

/** graphql-js ends a message with its suggestion: `… Did you mean "x" or "y"?`. */
export const withoutSuggestion = (message: string): string =>
  message.replace(/\s*Did you mean .*$/s, '');

/**
 * Production only: "Did you mean …" suggestions in validation and coercion errors would let a
 * client map the schema with introspection turned off. Errors keep their code and the rest of
 * their message.
 */
export const hideFieldSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = withoutSuggestion(error.message);
      },
    };
  },
};
