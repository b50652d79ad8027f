import { Kind } from 'graphql';
import { graphqlOperationDuration } from '@simpul/observability';
import type { ApolloServerPlugin } from '../hardening/apollo-plugin';

/**
 * Times every GraphQL operation over HTTP (simpul_graphql_operation_duration_seconds), labelled by
 * operation type and its first root field — names the schema bounds, unlike operation names,
 * which a client chooses freely — and whether it answered errors.
 */
export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    let operationType = 'unknown';
    let rootField = 'unknown';
    return {
      async didResolveOperation({ operation }) {
        if (!operation) return;
        operationType = operation.operation;
        const first = operation.selectionSet.selections[0];
        if (first && 'name' in first && first.kind === Kind.FIELD) rootField = first.name.value;
      },
      async willSendResponse({ response }) {
        const errors =
          response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        graphqlOperationDuration.observe(
          {
            operation_type: operationType,
            root_field: rootField,
            outcome: errors.length ? 'error' : 'ok',
          },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      },
    };
  },
};
