import { specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AppConfig } from '@simpul/config';
import { hardenedValidationRules } from './hardened-apollo-options';

/**
 * graphql-ws validates subscriptions itself, outside Apollo: pass this as the `validate` option of
 * the 'graphql-ws' subscription config so WebSocket operations meet the same depth, alias,
 * directive and cost limits (and, in production, the same introspection ban) as HTTP ones.
 */
export function hardenedSubscriptionValidate(config: AppConfig): typeof validate {
  const rules = [...specifiedRules, ...hardenedValidationRules(config)];
  return (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules);
}
