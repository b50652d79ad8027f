import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Paths through a served schema, generated from the schema itself so that a new field is walked
 * without editing a test. A selection is a trie of every trail (no type.field edge twice on one
 * path) of at most `maxEdges` edges from a root field through types that can reach one of the
 * `targets`; each object on the way selects `__typename` and all its argument-free leaf fields,
 * and `{ id }` (or `{ __typename }`) of object fields that lead to no target.
 */
export interface Walk {
  /** Object types from which a target type can be reached (targets included). */
  reaching: Set<string>;
  /** type.field edges the selections cover, for reporting coverage. */
  edges: Set<string>;
}

export function reachingTypes(schema: GraphQLSchema, targets: readonly string[]): Set<string> {
  const reaching = new Set(targets);
  let grew = true;
  while (grew) {
    grew = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || reaching.has(type.name)) continue;
      const reaches = Object.values(type.getFields()).some((field) =>
        reaching.has(getNamedType(field.type).name),
      );
      if (reaches) {
        reaching.add(type.name);
        grew = true;
      }
    }
  }
  return reaching;
}

const requiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** The selection set (without braces' owner) for an object of `type`, following trails. */
export function selectionFor(
  type: GraphQLObjectType,
  walk: Walk,
  maxEdges: number,
  used: ReadonlySet<string> = new Set(),
): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (requiredArgs(field).length) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) {
      parts.push(field.name);
      continue;
    }
    const edge = `${type.name}.${field.name}`;
    if (walk.reaching.has(named.name) && maxEdges > 0 && !used.has(edge)) {
      walk.edges.add(edge);
      const inner = selectionFor(named, walk, maxEdges - 1, new Set([...used, edge]));
      parts.push(`${field.name} { ${inner} }`);
    } else {
      parts.push(`${field.name} { ${'id' in named.getFields() ? 'id' : '__typename'} }`);
    }
  }
  return parts.join(' ');
}

/** Root fields (of Query, Mutation or Subscription) whose type can reach a target. */
export function rootFieldsReaching(
  schema: GraphQLSchema,
  walk: Walk,
): { root: 'query' | 'mutation' | 'subscription'; field: GraphQLField<unknown, unknown> }[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([root, type]) =>
    type
      ? Object.values(type.getFields())
          .filter((field) => walk.reaching.has(getNamedType(field.type).name))
          .map((field) => ({ root, field }))
      : [],
  );
}

/** Candidate values, by the scalar they fill; ids and strings come from the test's fixture. */
export interface Candidates {
  ID: readonly string[];
  String: readonly string[];
}

/**
 * Argument sets for a root field: every combination of candidates for its required arguments, with
 * the optional ones left out; then each optional ID or String argument alone with each of its
 * candidates (optional numbers, enums and flags only page or filter: they stay left out). The
 * first value of enums, minimal input objects. Capped at `max`.
 */
export function argumentSets(
  field: GraphQLField<unknown, unknown>,
  candidates: Candidates,
  max = 24,
): Record<string, unknown>[] {
  let sets: Record<string, unknown>[] = [{}];
  for (const arg of field.args.filter((a) => isNonNullType(a.type))) {
    const values = inputValues(arg.type, candidates, 0);
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [arg.name]: value })));
  }
  const variations = field.args
    .filter((a) => !isNonNullType(a.type) && ['ID', 'String'].includes(getNamedType(a.type).name))
    .flatMap((arg) => inputValues(arg.type, candidates, 0).map((value) => ({ [arg.name]: value })));
  const required = sets[0];
  return [...sets, ...variations.map((variation) => ({ ...required, ...variation }))].slice(0, max);
}

function inputValues(type: GraphQLInputType, candidates: Candidates, depth: number): unknown[] {
  if (isNonNullType(type)) return inputValues(type.ofType, candidates, depth);
  if (isListType(type)) {
    return inputValues(type.ofType, candidates, depth).map((v) => [v]);
  }
  const named: GraphQLNamedType = type;
  if (isEnumType(named)) return [named.getValues()[0].value];
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID':
        return [...candidates.ID];
      case 'String':
        return [...candidates.String];
      case 'Int':
        return [1];
      case 'Boolean':
        return [false];
      case 'DateTime':
        return [new Date().toISOString()];
      default:
        return ['x'];
    }
  }
  if (isInputObjectType(named) && depth < 3) {
    // One object per ID candidate, every ID field filled with it; other fields with their first value.
    const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type));
    return candidates.ID.map((id) =>
      Object.fromEntries(
        fields.map((f) => {
          const leaf = getNamedType(f.type);
          const values =
            leaf.name === 'ID'
              ? [isListType(isNonNullType(f.type) ? f.type.ofType : f.type) ? [id] : id]
              : inputValues(f.type, candidates, depth + 1);
          return [f.name, values[0]];
        }),
      ),
    );
  }
  return [null];
}

/** The document for one root field with literal arguments passed as variables. */
export function operationFor(
  root: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  selection: string,
): { query: string; variables: Record<string, unknown> } {
  const given = field.args.filter((arg) => arg.name in args);
  const declarations = given.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passing = given.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection} }` : '';
  return {
    query: `${root} Walk${declarations ? `(${declarations})` : ''} { ${field.name}${
      passing ? `(${passing})` : ''
    }${body} }`,
    variables: args,
  };
}
