import {
  buildSchema,
  getOperationAST,
  GraphQLError,
  parse,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { findInvalidInput } from './input-values';
import {
  checkedExecute,
  checkedSubscribe,
  codeOperationErrors,
  refuseUnparsable,
} from './subscription-validate';

const UUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

/** A schema with every shape an argument can take: nested inputs, lists, ids, custom scalars. */
const schema: GraphQLSchema = buildSchema(`
  scalar Json
  directive @tag(label: String) on FIELD
  input PersonInput { fullName: String!, nicknames: [String!], unitId: ID }
  input CaseInput { title: String!, persons: [PersonInput!], tags: [[String]] }
  type Thing { id: ID!, child(note: String): Thing }
  type Query {
    thing(id: ID!): Thing
    search(text: String = "ok", json: Json, after: String): [Thing!]!
  }
  type Mutation { openCase(input: CaseInput!): Thing }
  type Subscription { events(filter: String): Thing }
`);

function check(source: string, variableValues: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const error = findInvalidInput({ schema, document, operation, variableValues });
  return error && { message: error.message, extensions: error.extensions };
}

const refused = (field: string, why: RegExp) => ({
  message: expect.stringMatching(
    new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: .*${why.source}`),
  ),
  extensions: { code: 'BAD_USER_INPUT', field },
});

describe('findInvalidInput', () => {
  it('lets valid operations through, whatever the text', () => {
    expect(check(`{ thing(id: "${UUID}") { id } }`)).toBeNull();
    expect(
      check('mutation($i: CaseInput!) { openCase(input: $i) { id } }', {
        i: { title: 'Catatan 🇮🇩\n\tمرحبا', persons: [{ fullName: 'Siti', nicknames: ['𝔸'] }] },
      }),
    ).toBeNull();
    expect(check('{ search { id } }')).toBeNull();
  });

  it('names the path of a bad string in an inline literal', () => {
    expect(
      check(`mutation { openCase(input: { title: "ok", persons: [{ fullName: "ok" },
        { fullName: "a\\u0000b" }] }) { id } }`),
    ).toEqual(refused('input.persons[1].fullName', /must not contain the NUL character/));
  });

  it('names the path of a bad string in a variable, nested in lists', () => {
    expect(
      check('mutation($i: CaseInput!) { openCase(input: $i) { id } }', {
        i: { title: 'ok', persons: [{ fullName: 'ok', nicknames: ['fine', 'x\ud83d'] }] },
      }),
    ).toEqual(refused('input.persons[0].nicknames[1]', /must be valid Unicode/));
    expect(
      check('mutation($i: CaseInput!) { openCase(input: $i) { id } }', {
        i: { title: 'ok', tags: [['a'], ['b', '\u001b[2J']] },
      }),
    ).toEqual(refused('input.tags[1][1]', /must not contain control characters/));
  });

  it('checks a variable used inside a literal, and a single value given for a list', () => {
    expect(
      check(
        'mutation($name: String!) { openCase(input: { title: "ok", persons: { fullName: $name } }) { id } }',
        {
          name: '\u0000',
        },
      ),
    ).toEqual(refused('input.persons[0].fullName', /NUL/));
  });

  it('refuses an ID that is not a UUID, and text problems in ids first', () => {
    expect(check('{ thing(id: "not-an-id") { id } }')).toEqual(
      refused('id', /is not an id returned by this API/),
    );
    expect(check('query($id: ID!) { thing(id: $id) { id } }', { id: -12 })).toEqual(
      refused('id', /is not an id returned by this API/),
    );
    // An outbox row's number is an id this API issues (ADMIN's parked rows).
    expect(check('query($id: ID!) { thing(id: $id) { id } }', { id: '783' })).toBeNull();
    expect(check(`{ thing(id: "${UUID}\\u0000") { id } }`)).toEqual(refused('id', /NUL/));
    expect(
      check('mutation($i: CaseInput!) { openCase(input: $i) { id } }', {
        i: { title: 'ok', persons: [{ fullName: 'ok', unitId: 'unit-1' }] },
      }),
    ).toEqual(refused('input.persons[0].unitId', /is not an id/));
  });

  it('checks strings inside a custom scalar', () => {
    expect(
      check('query($j: Json) { search(json: $j) { id } }', { j: { a: ['x', 'b\u0000'] } }),
    ).toEqual(refused('json.a[1]', /NUL/));
  });

  it('checks nested fields, aliases, fragments and directive arguments', () => {
    expect(check(`{ thing(id: "${UUID}") { child(note: "\\u0007") { id } } }`)).toEqual(
      refused('note', /control characters/),
    );
    expect(check(`{ a: search { id } b: search(text: "\\u0000") { id } }`)).toEqual(
      refused('text', /NUL/),
    );
    expect(
      check(
        `query { ...F } fragment F on Query { thing(id: "${UUID}") { ... on Thing { child(note: "\\u0000") { id } } } }`,
      ),
    ).toEqual(refused('note', /NUL/));
    expect(check(`{ search @tag(label: "\\u0000") { id } }`)).toEqual(refused('label', /NUL/));
  });

  it('refuses a string longer than 10,000 characters', () => {
    expect(
      check('query($t: String) { search(text: $t) { id } }', { t: 'x'.repeat(10_001) }),
    ).toEqual(refused('text', /must be at most 10000 characters/));
  });

  it('leaves what graphql-js refuses itself to graphql-js', () => {
    expect(check('query($id: ID!) { thing(id: $id) { id } }', {})).toBeNull();
    expect(check('query($id: ID!) { thing(id: $id) { id } }', { id: { x: 1 } })).toBeNull();
  });
});

describe('over WebSocket', () => {
  it('refuses bad input in a query, a mutation and a subscription without executing it', async () => {
    let executed = false;
    const rootValue = {
      search: () => {
        executed = true;
        return [];
      },
    };
    const query = parse('query($t: String) { search(text: $t) { id } }');
    const result = await checkedExecute({
      schema,
      document: query,
      rootValue,
      variableValues: { t: 'a\u0000' },
    });
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'text' },
    ]);
    expect(executed).toBe(false);
    const subscription = parse('subscription($f: String) { events(filter: $f) { id } }');
    const refusedSubscription = (await checkedSubscribe({
      schema,
      document: subscription,
      variableValues: { f: '\ud800' },
    })) as ExecutionResult;
    expect(refusedSubscription.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter',
    });
    const fine = await checkedExecute({
      schema,
      document: query,
      rootValue,
      variableValues: { t: 'ok' },
    });
    expect(fine.errors).toBeUndefined();
    expect(executed).toBe(true);
  });

  it('gives a variable of the wrong type and a validation error the codes Apollo gives them', async () => {
    const query = parse('query($t: String) { search(text: $t) { id } }');
    const result = await checkedExecute({
      schema,
      document: query,
      variableValues: { t: { no: 1 } },
    });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const [validation] = codeOperationErrors(null, '1', {}, [
      new GraphQLError('Cannot query field "nope" on type "Query".'),
    ]);
    expect(validation.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers a document that does not parse, or has too many tokens, with errors', () => {
    const onSubscribe = refuseUnparsable(20);
    expect(onSubscribe(null, '1', { query: '{ search { id } }' })).toBeUndefined();
    const [syntax] = onSubscribe(null, '1', { query: '{ search(text: "\\ud835") { id }' }) ?? [];
    expect(syntax.message).toMatch(/Syntax Error/);
    expect(syntax.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(
      onSubscribe(null, '1', { query: `{ ${'search { id } '.repeat(10)} }` })?.[0].message,
    ).toMatch(/more tha[nt] 20 tokens/);
  });
});
