import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { AppConfig } from '@simpul/config';

/**
 * graphql-armor reports a violation as `Syntax Error: Query depth limit of 8 exceeded, found 9.`;
 * report it without the misleading prefix. Apollo turns every validation error into
 * GRAPHQL_VALIDATION_FAILED (HTTP 400) and nothing is executed.
 */
const reportViolation: GraphQLArmorRejectCallback = (context, error) => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};

const onViolation = () => ({ propagateOnRejection: false, onReject: [reportViolation] });

/**
 * Depth, alias, directive and cost limits as validation rules (graphql-armor, with its cost model:
 * object 2, scalar 1, ×1.5 per level, × a literal `first`/`last`). The token limit and the field
 * suggestion mask are Simpul's own plugins (max-tokens.plugin.ts, hide-field-suggestions.plugin.ts):
 * graphql-armor's versions turn any unexpected error into a validation error and leave a dangling
 * "?" behind.
 */
export function queryLimitRules(config: AppConfig): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: config.graphqlMaxDepth, ...onViolation() },
    maxAliases: { n: config.graphqlMaxAliases, ...onViolation() },
    maxDirectives: { n: config.graphqlMaxDirectives, ...onViolation() },
    costLimit: { maxCost: config.graphqlMaxCost, ...onViolation() },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return validationRules;
}
