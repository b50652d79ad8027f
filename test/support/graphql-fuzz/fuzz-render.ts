import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { RequestPlan } from './fuzz-requests';
import { selectionFor } from './fuzz-requests';
import type { Json, PoolName, ValuePlan } from './fuzz-values';

/** Ids, references and cursors seen so far, by kind. */
export class Pools {
  private readonly pools = new Map<PoolName, string[]>();

  add(pool: PoolName, value: string): void {
    const values = this.pools.get(pool) ?? [];
    if (values.includes(value)) return;
    values.push(value);
    if (values.length > 300) values.shift();
    this.pools.set(pool, values);
  }

  pick(pool: PoolName, index: number): string | undefined {
    const values = this.pools.get(pool);
    return values?.length ? values[index % values.length] : undefined;
  }

  size(pool: PoolName): number {
    return this.pools.get(pool)?.length ?? 0;
  }

  /** Collects ids of objects in a response (officers only where the caller says so). */
  harvest(data: unknown, officers: boolean): void {
    if (Array.isArray(data)) {
      for (const item of data) this.harvest(item, officers);
      return;
    }
    if (!data || typeof data !== 'object') return;
    const object = data as Record<string, unknown>;
    const type = object.__typename;
    if (typeof object.id === 'string') {
      if (
        type === 'Case' ||
        type === 'Referral' ||
        type === 'Person' ||
        type === 'Unit' ||
        type === 'Agency'
      ) {
        this.add(type, object.id);
      }
      if (type === 'Officer' && officers) this.add('Officer', object.id);
    }
    if (type === 'Case' && typeof object.reference === 'string') {
      this.add('caseReference', object.reference);
    }
    if (type === 'PageInfo' && typeof object.endCursor === 'string') {
      this.add('cursor', object.endCursor);
    }
    for (const value of Object.values(object)) this.harvest(value, officers);
  }
}

/** A plan's value as JSON, with references to existing objects filled in. */
export function resolveValue(plan: ValuePlan, pools: Pools): Json | undefined {
  switch (plan.kind) {
    case 'json':
    case 'enum':
      return plan.value;
    case 'ref':
      return pools.pick(plan.pool, plan.pick) ?? randomUUID();
    case 'list':
      return plan.items.map((item) => resolveValue(item, pools) ?? null);
    case 'object': {
      const object: Record<string, Json> = {};
      for (const field of plan.fields) {
        if (field.value !== 'missing')
          object[field.name] = resolveValue(field.value, pools) ?? null;
      }
      return object;
    }
  }
}

const ENUM_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A JSON value as a GraphQL literal; strings as JSON strings, which GraphQL reads the same. */
function literal(plan: ValuePlan, value: Json): string {
  if (
    plan.kind === 'enum' &&
    typeof value === 'string' &&
    ENUM_NAME.test(value) &&
    !['true', 'false', 'null'].includes(value)
  ) {
    return value;
  }
  if (plan.kind === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = plan.fields
      .filter((field) => field.value !== 'missing')
      .map(
        (field) => `${field.name}: ${literal(field.value as ValuePlan, value[field.name] ?? null)}`,
      );
    return `{ ${parts.join(', ')} }`;
  }
  if (plan.kind === 'list' && Array.isArray(value)) {
    return `[${plan.items.map((item, i) => literal(item, value[i] ?? null)).join(', ')}]`;
  }
  return jsonLiteral(value);
}

function jsonLiteral(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${jsonLiteral(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const WRONG_VARIABLE_TYPES = ['String', 'Int', 'ID!', '[String]', 'Boolean', 'OpenCaseInput'];

/** The document and variables of a plan. */
export function renderRequest(
  schema: GraphQLSchema,
  plan: RequestPlan,
  pools: Pools,
): { query: string; variables: Record<string, Json> } {
  const root = plan.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[plan.field];
  if (!field) throw new Error(`no root field ${plan.field}`);
  const definitions: string[] = [];
  const args: string[] = [];
  const variables: Record<string, Json> = {};
  plan.args.forEach((arg, index) => {
    if (arg.value === 'missing') return;
    const value = resolveValue(arg.value, pools) ?? null;
    const declared = field.args.find((a) => a.name === arg.name)?.type.toString();
    if (arg.as === 'inline' || !declared) {
      args.push(`${arg.name}: ${literal(arg.value, value)}`);
      return;
    }
    const type =
      arg.as === 'wrongVariableType'
        ? WRONG_VARIABLE_TYPES[index % WRONG_VARIABLE_TYPES.length]
        : declared;
    definitions.push(`$v${index}: ${type}`);
    args.push(`${arg.name}: $v${index}`);
    variables[`v${index}`] = value;
  });
  const head = definitions.length ? `(${definitions.join(', ')})` : '';
  const call = args.length ? `(${args.join(', ')})` : '';
  return {
    query: `${plan.operation} Fuzz${head} { ${plan.field}${call} ${selectionFor(field.type)} }`,
    variables,
  };
}
