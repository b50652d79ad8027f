import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents: every `graphql(`…`)` is checked against schema/schema.graphql at
 * typecheck time through graphql-env.d.ts, which `gql.tada generate-output` derives from that
 * schema (a unit test fails when it is stale). Fragments are not masked: a screen reads the
 * fields it selected directly.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: { DateTime: string };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
