import { specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AppConfig } from '@simpul/config';
import { hardenedValidationRules } from './hardened-apollo-options';

/**
 * graphql-ws validates subscriptions itself, outside Apollo: this `validate` makes WebSocket
 * operations meet the same depth, alias, directive and cost limits (and, in production, the same
 * introspection ban) as HTTP ones.
 */
export function hardenedSubscriptionValidate(config: AppConfig): typeof validate {
  const rules = [...specifiedRules, ...hardenedValidationRules(config)];
  return (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules);
}

/**
 * Spread into the 'graphql-ws' subscription options. Nest hands that whole object to graphql-ws's
 * `useServer`, though its type lists only some of graphql-ws's options (not `validate`); a spread
 * passes the type check where a `validate:` written in the literal would not.
 */
export function hardenedSubscriptionOptions(config: AppConfig): { validate: typeof validate } {
  return { validate: hardenedSubscriptionValidate(config) };
}
