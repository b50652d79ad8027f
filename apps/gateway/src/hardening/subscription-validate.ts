import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '@simpul/common';
import type { AppConfig } from '@simpul/config';
import { hardenedValidationRules } from './hardened-apollo-options';
import { findInvalidInput } from './input-values';

/**
 * graphql-ws validates subscriptions itself, outside Apollo: this `validate` makes WebSocket
 * operations meet the same depth, alias, directive and cost limits (and, in production, the same
 * introspection ban) as HTTP ones.
 */
export function hardenedSubscriptionValidate(config: AppConfig): typeof validate {
  const rules = [...specifiedRules, ...hardenedValidationRules(config)];
  return (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules);
}

/** The same error with `extensions.code` set, as Apollo sets it over HTTP. */
const withCode = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });

/**
 * The argument check of HTTP (input-values.ts) for operations sent over WebSocket — graphql-ws
 * runs queries and mutations as well as subscriptions, with graphql-js's own execute/subscribe and
 * not through Apollo's plugins. A problem is answered as graphql-js answers a variable of the wrong
 * type: a result with the error (BAD_USER_INPUT, `extensions.field`) and nothing executed. A
 * variable of the wrong type itself is answered here too, with the BAD_USER_INPUT code Apollo gives
 * it over HTTP (graphql-js alone gives none).
 */
function refusedInput(args: ExecutionArgs): ExecutionResult | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null; // execute reports it
  const variables = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    args.variableValues ?? {},
    { maxErrors: 1 },
  );
  if (variables.errors) {
    return { errors: variables.errors.map((error) => withCode(error, ErrorCode.BAD_USER_INPUT)) };
  }
  const problem = findInvalidInput({
    schema: args.schema,
    document: args.document,
    operation,
    variableValues: args.variableValues,
  });
  return problem ? { errors: [problem] } : null;
}

export const checkedExecute = (args: ExecutionArgs) => refusedInput(args) ?? execute(args);
export const checkedSubscribe = (args: ExecutionArgs) => refusedInput(args) ?? subscribe(args);

/**
 * graphql-ws parses a document without catching: a syntax error escapes its message handler and
 * the server closes the whole socket with 4500 "Internal server error". Parsing here first (with
 * the GRAPHQL_MAX_TOKENS limit HTTP applies before parsing) answers a malformed or oversized
 * document with an `error` message for that operation instead (GRAPHQL_PARSE_FAILED, as over
 * HTTP); a document that parses is left to graphql-ws, which parses it again (bounded by the same
 * limit) and validates it.
 */
export function refuseUnparsable(maxTokens: number) {
  return (
    _context: unknown,
    _id: string,
    payload: { query: string },
  ): GraphQLError[] | undefined => {
    try {
      parse(payload.query, { maxTokens });
      return undefined;
    } catch (error) {
      const syntax = error instanceof GraphQLError ? error : new GraphQLError('Syntax Error');
      return [withCode(syntax, 'GRAPHQL_PARSE_FAILED')];
    }
  };
}

/**
 * graphql-ws sends validation errors as graphql-js reports them, without a code: give them the
 * GRAPHQL_VALIDATION_FAILED Apollo gives them over HTTP (an error that has a code keeps it).
 */
export function codeOperationErrors(
  _context: unknown,
  _id: string,
  _payload: unknown,
  errors: readonly GraphQLError[],
) {
  return errors.map((error) => ({
    ...error.toJSON(),
    extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
  }));
}

/**
 * Spread into the 'graphql-ws' subscription options. Nest hands that whole object to graphql-ws's
 * `useServer` after its own `execute`/`subscribe` (graphql-js's), though its type lists only some
 * of graphql-ws's options (not `validate`); a spread passes the type check where a `validate:`
 * written in the literal would not.
 */
export function hardenedSubscriptionOptions(config: AppConfig): {
  validate: typeof validate;
  onSubscribe: ReturnType<typeof refuseUnparsable>;
  onError: typeof codeOperationErrors;
  execute: typeof checkedExecute;
  subscribe: typeof checkedSubscribe;
} {
  return {
    validate: hardenedSubscriptionValidate(config),
    onSubscribe: refuseUnparsable(config.graphqlMaxTokens),
    onError: codeOperationErrors,
    execute: checkedExecute,
    subscribe: checkedSubscribe,
  };
}
