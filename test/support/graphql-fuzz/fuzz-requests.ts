import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import {
  booleanArb,
  dateTimeArb,
  enumArb,
  floatArb,
  hostileString,
  idArb,
  intArb,
  json,
  stringArb,
  wrongType,
  type PoolName,
  type SlotPlan,
  type ValuePlan,
} from './fuzz-values';

export type Caller = 'anonymous' | 'desk' | 'receiver' | 'police' | 'auditor' | 'admin';

/** One generated request: who sends it, how, which root field, with which arguments. */
export interface RequestPlan {
  caller: Caller;
  transport: 'http' | 'ws';
  operation: 'query' | 'mutation';
  field: string;
  args: ArgumentPlan[];
}

export interface ArgumentPlan extends SlotPlan {
  /** inline literal, a variable of the declared type, or a variable declared with a wrong type */
  as: 'inline' | 'variable' | 'wrongVariableType';
}

/**
 * Root fields the fuzzer leaves out, or sends only anonymously: `logout` would end the calling
 * officer's session and silence the rest of the run.
 */
const ANONYMOUS_ONLY = new Set(['logout']);

/** Which pool an id argument draws from, by its name and root field. */
function idPoolFor(name: string, rootField: string): PoolName | null {
  if (name === 'caseId') return 'Case';
  if (name === 'toUnitId' || name === 'unitId') return 'Unit';
  if (name === 'personId' || name === 'personIds') return 'Person';
  if (name === 'agencyId') return 'Agency';
  if (name !== 'id') return null;
  if (/referral$/i.test(rootField)) return 'Referral';
  if (rootField === 'case' || rootField === 'closeCase') return 'Case';
  if (rootField === 'updatePerson') return 'Person';
  if (rootField === 'updateUnit') return 'Unit';
  if (rootField === 'updateAgency') return 'Agency';
  if (/officer/i.test(rootField)) return 'Officer';
  return null;
}

/**
 * How a request is generated: `gentle` ones carry valid (if odd: emoji, RTL, maximum length)
 * values and get through to the use cases and PostgreSQL — `spiced`, each string and id among them
 * is hostile one time in ten, so one bad value travels with otherwise good ones; `hostile` ones
 * carry anything anywhere.
 */
interface Mode {
  gentle: boolean;
  spiced: boolean;
  rootField: string;
}

/** A gentle value, or — in a spiced request, one time in ten — a hostile one. */
function spice(mode: Mode, gentle: fc.Arbitrary<ValuePlan>, hostile: fc.Arbitrary<ValuePlan>) {
  return mode.spiced
    ? fc.oneof({ weight: 9, arbitrary: gentle }, { weight: 1, arbitrary: hostile })
    : gentle;
}

/** A value of `type` (nullable or not: the slot decides about null and absence). */
function valueArb(
  type: GraphQLInputType,
  name: string,
  mode: Mode,
  depth: number,
): fc.Arbitrary<ValuePlan> {
  const { gentle, rootField } = mode;
  if (isNonNullType(type)) return valueArb(type.ofType, name, mode, depth);
  if (isListType(type)) {
    const item = valueArb(type.ofType, name, mode, depth + 1);
    if (gentle) {
      return fc
        .array(item, { minLength: 1, maxLength: 2 })
        .map((items): ValuePlan => ({ kind: 'list', items }));
    }
    return fc.oneof(
      {
        weight: 75,
        arbitrary: fc
          .array(item, { maxLength: 3 })
          .map((items): ValuePlan => ({ kind: 'list', items })),
      },
      { weight: 10, arbitrary: item },
      {
        weight: 5,
        arbitrary: fc
          .array(item, { minLength: 20, maxLength: 60 })
          .map((items): ValuePlan => ({ kind: 'list', items })),
      },
      { weight: 5, arbitrary: fc.constant<ValuePlan>({ kind: 'list', items: [json(null)] }) },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(json({}));
    const fields = Object.values(type.getFields()).map((field) =>
      slotArb(field.type, field.name, mode, depth + 1),
    );
    return fc
      .tuple(fc.tuple(...fields), fc.integer({ min: 0, max: 19 }))
      .map(([slots, extra]): ValuePlan => ({
        kind: 'object',
        fields: extra === 0 && !gentle ? [...slots, { name: 'bogus', value: json(1) }] : slots,
      }));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return gentle
      ? fc.constantFrom(...values).map((value): ValuePlan => ({ kind: 'enum', value }))
      : enumArb(values);
  }
  if (isScalarType(type)) {
    const pool = idPoolFor(name, rootField);
    switch (type.name) {
      case 'ID':
        return gentle && pool
          ? spice(
              mode,
              fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool, pick })),
              idArb(null),
            )
          : idArb(pool);
      case 'Int':
        return gentle ? fc.integer({ min: 1, max: 50 }).map(json) : intArb;
      case 'Float':
        return floatArb;
      case 'Boolean':
        return gentle ? fc.boolean().map(json) : booleanArb;
      case 'DateTime':
        return gentle
          ? fc.constantFrom('2026-01-01T00:00:00Z', '2025-06-30T12:00:00+07:00').map(json)
          : dateTimeArb;
      case 'String':
        return gentle
          ? spice(mode, stringArb(name, true), stringArb(name, false))
          : stringArb(name, false);
      default:
        return hostileString.map(json);
    }
  }
  return wrongType.map(json);
}

/** An argument or input field: mostly a value, sometimes absent, null or of the wrong type. */
function slotArb(
  type: GraphQLInputType,
  name: string,
  mode: Mode,
  depth: number,
): fc.Arbitrary<SlotPlan> {
  const value = valueArb(type, name, mode, depth).map((v): SlotPlan => ({ name, value: v }));
  if (mode.gentle) {
    // Optional fields are left out as often as not, required ones always given.
    if (isNonNullType(type)) return value;
    return fc.oneof(value, fc.constant<SlotPlan>({ name, value: 'missing' }));
  }
  return fc.oneof(
    { weight: 90, arbitrary: value },
    { weight: 3, arbitrary: fc.constant<SlotPlan>({ name, value: 'missing' }) },
    { weight: 4, arbitrary: fc.constant<SlotPlan>({ name, value: json(null) }) },
    { weight: 3, arbitrary: wrongType.map((value): SlotPlan => ({ name, value: json(value) })) },
  );
}

function argumentsArb(
  field: GraphQLField<unknown, unknown>,
  kind: 'gentle' | 'spiced' | 'hostile',
): fc.Arbitrary<ArgumentPlan[]> {
  const gentle = kind !== 'hostile';
  const as = fc.oneof(
    { weight: 10, arbitrary: fc.constant<ArgumentPlan['as']>('variable') },
    { weight: 9, arbitrary: fc.constant<ArgumentPlan['as']>('inline') },
    ...(gentle
      ? []
      : [{ weight: 1, arbitrary: fc.constant<ArgumentPlan['as']>('wrongVariableType') }]),
  );
  const mode = { gentle, spiced: kind === 'spiced', rootField: field.name };
  const args = field.args.map((arg: GraphQLArgument) =>
    fc.tuple(slotArb(arg.type, arg.name, mode, 0), as).map(([slot, how]) => ({ ...slot, as: how })),
  );
  if (gentle) return fc.tuple(...args);
  const extra = fc.oneof(
    { weight: 19, arbitrary: fc.constant<ArgumentPlan[]>([]) },
    {
      weight: 1,
      arbitrary: fc.constant<ArgumentPlan[]>([{ name: 'bogus', value: json('x'), as: 'inline' }]),
    },
  );
  return fc.tuple(fc.tuple(...args), extra).map(([planned, more]) => [...planned, ...more]);
}

/** Requests for every query and mutation of the schema, from every kind of caller. */
export function requestPlans(schema: GraphQLSchema): fc.Arbitrary<RequestPlan> {
  const roots: fc.Arbitrary<RequestPlan>[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(type?.getFields() ?? {})) {
      const caller = ANONYMOUS_ONLY.has(field.name)
        ? fc.constant<Caller>('anonymous')
        : fc.constantFrom<Caller>(
            'anonymous',
            'desk',
            'desk',
            'receiver',
            'receiver',
            'police',
            'auditor',
            'admin',
            'admin',
          );
      roots.push(
        fc
          .record({
            caller,
            transport: fc.constantFrom<RequestPlan['transport']>(
              'http',
              'http',
              'http',
              'http',
              'http',
              'http',
              'http',
              'http',
              'http',
              'ws',
            ),
            args: fc.oneof(
              { weight: 1, arbitrary: argumentsArb(field, 'gentle') },
              { weight: 2, arbitrary: argumentsArb(field, 'spiced') },
              { weight: 2, arbitrary: argumentsArb(field, 'hostile') },
            ),
          })
          .map(({ caller: who, transport, args }) => ({
            caller: who,
            transport: who === 'anonymous' ? 'http' : transport,
            operation,
            field: field.name,
            args,
          })),
      );
    }
  }
  return fc.oneof(...roots);
}

/**
 * A selection of `type` two levels deep: `__typename`, every scalar field without required
 * arguments, and objects' scalars — enough to read what a mutation wrote and to collect ids.
 */
export function selectionFor(type: GraphQLOutputType, depth = 2): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) =>
    f.args.every((a) => !isNonNullType(a.type)),
  );
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  // Below the root, a list of objects is read by id only: `agencies { units { … } }` would
  // otherwise read every unit of the country in every request.
  const objects =
    depth > 0
      ? fields
          .filter((f) => !isLeafType(getNamedType(f.type)))
          .slice(0, 5)
          .map((f) =>
            depth < 2 && isListType(getNullableType(f.type))
              ? `${f.name} { __typename ${'id' in (getNamedType(f.type) as GraphQLObjectType).getFields() ? 'id' : ''} }`
              : `${f.name} ${selectionFor(f.type, depth - 1)}`,
          )
      : [];
  return `{ __typename ${[...leaves, ...objects].join(' ')} }`;
}
