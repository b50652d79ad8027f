import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode, isIssuedId, textProblem } from '@simpul/common';

/** What an operation asks for: the document, which operation of it, and the raw variables. */
export interface OperationInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variableValues?: Readonly<Record<string, unknown>> | null;
}

/**
 * The one place where every value an operation hands to a resolver is checked for text Simpul
 * cannot store faithfully (libs/common `textProblem`: NUL, unpaired surrogates, control
 * characters, more than 10,000 characters) and for ids that cannot name anything (every `ID` this
 * API issues is a UUID, or an outbox row's number). Returns the first problem as BAD_USER_INPUT with `extensions.field`
 * naming the argument path (`input.persons[0].fullName`), or null.
 *
 * Why here and like this: the check walks the operation as graphql-js will execute it — each
 * field's (and directive's) arguments coerced by graphql-js itself against the schema, from
 * inline literals and variables alike, with defaults applied — so strings nested in input objects
 * and lists, ids and custom scalars are all seen, and nothing a resolver receives escapes it.
 * Checking raw JSON instead would miss literals and could not name the field; checking in each
 * resolver or use case is what let NUL reach PostgreSQL in the first place. It runs once per
 * operation, before anything executes: over HTTP from an Apollo plugin (input-values.plugin.ts),
 * over WebSocket from graphql-ws's `execute`/`subscribe` (subscription-validate.ts).
 *
 * Problems graphql-js reports itself (a variable of the wrong type, a missing required argument)
 * are left to it: this returns null and execution answers them as usual.
 */
export function findInvalidInput(input: OperationInput): GraphQLError | null {
  const { schema, document, operation } = input;
  const variables = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    input.variableValues ?? {},
    { maxErrors: 1 },
  );
  if (variables.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const walker = new ArgumentWalker(schema, fragments, variables.coerced);
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  return walker.directives(operation.directives) ?? walker.selections(root, operation.selectionSet);
}

class ArgumentWalker {
  private readonly visitedFragments = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  selections(parent: GraphQLNamedType, selectionSet: SelectionSetNode): GraphQLError | null {
    for (const selection of selectionSet.selections) {
      const problem = this.directives(selection.directives) ?? this.selection(parent, selection);
      if (problem) return problem;
    }
    return null;
  }

  private selection(
    parent: GraphQLNamedType,
    selection: SelectionSetNode['selections'][number],
  ): GraphQLError | null {
    switch (selection.kind) {
      case Kind.FIELD: {
        const field = this.fieldOf(parent, selection.name.value);
        if (!field) return null; // validation has refused it already
        const problem = this.arguments(field, selection);
        if (problem || !selection.selectionSet) return problem;
        return this.selections(getNamedType(field.type), selection.selectionSet);
      }
      case Kind.INLINE_FRAGMENT: {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        return type ? this.selections(type, selection.selectionSet) : null;
      }
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        // A fragment's arguments do not depend on where it is spread: walk each one once.
        if (!fragment || this.visitedFragments.has(name)) return null;
        this.visitedFragments.add(name);
        const type = this.schema.getType(fragment.typeCondition.name.value);
        return (
          this.directives(fragment.directives) ??
          (type ? this.selections(type, fragment.selectionSet) : null)
        );
      }
    }
  }

  directives(nodes: readonly DirectiveNode[] | undefined): GraphQLError | null {
    for (const node of nodes ?? []) {
      const directive = this.schema.getDirective(node.name.value);
      const problem = directive ? this.arguments(directive, node) : null;
      if (problem) return problem;
    }
    return null;
  }

  private fieldOf(
    parent: GraphQLNamedType,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  /** The arguments as graphql-js will pass them to the resolver, each checked by its type. */
  private arguments(
    definition: Parameters<typeof getArgumentValues>[0],
    node: Parameters<typeof getArgumentValues>[1],
  ): GraphQLError | null {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(definition, node, this.variables);
    } catch {
      return null; // an argument graphql-js cannot coerce: execution reports it
    }
    for (const argument of definition.args) {
      if (!(argument.name in values)) continue;
      const problem = checkValue(argument.type, values[argument.name], argument.name);
      if (problem) return badInputAt(problem.field, problem.why, node);
    }
    return null;
  }
}

interface Problem {
  field: string;
  why: string;
}

/** Walks a coerced value along its input type: lists, input objects, then scalars. */
function checkValue(type: GraphQLInputType, value: unknown, path: string): Problem | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, path);
    for (const [index, item] of value.entries()) {
      const problem = checkValue(type.ofType, item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const problem = field ? checkValue(field.type, item, `${path}.${name}`) : null;
      if (problem) return problem;
    }
    return null;
  }
  if (type.name === 'ID' && typeof value === 'string') {
    const why =
      textProblem(value) ?? (isIssuedId(value) ? null : 'is not an id returned by this API');
    return why ? { field: path, why } : null;
  }
  return checkScalar(value, path);
}

/**
 * A scalar's coerced value: a string (String, custom scalars), or whatever a custom scalar parses
 * to — every string inside it is text too, and a Date must be a real one.
 */
function checkScalar(value: unknown, path: string): Problem | null {
  if (typeof value === 'string') {
    const why = textProblem(value);
    return why ? { field: path, why } : null;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { field: path, why: 'is not a valid date-time' } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = checkScalar(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = checkScalar(item, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

/** The same shape as a resolver's `badInput`: `field: why`, code and field in `extensions`. */
function badInputAt(field: string, why: string, node: ASTNode): GraphQLError {
  return new GraphQLError(`${field}: ${why}`, {
    nodes: [node],
    extensions: { code: ErrorCode.BAD_USER_INPUT, field },
  });
}
