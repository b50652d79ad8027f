import { graphqlSync, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

describe('DateTime scalar', () => {
  it.each([
    ['2026-03-14T09:30:00Z', '2026-03-14T09:30:00.000Z'],
    ['2026-03-14T09:30:00.123456Z', '2026-03-14T09:30:00.123Z'],
    ['2026-03-14T16:30:00+07:00', '2026-03-14T09:30:00.000Z'],
    ['2024-02-29t00:00:00z', '2024-02-29T00:00:00.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    expect(parseDateTime(value).toISOString()).toBe(iso);
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '275760-09-13T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01',
    '2026-01-01 00:00:00Z',
    'yesterday',
    '',
    0,
    8.64e15,
    true,
    null,
    {},
  ])('refuses %p', (value) => {
    expect(() => parseDateTime(value)).toThrow(/DateTime must be an RFC 3339 date-time/);
  });

  it('refuses a bad literal while validating, before any resolver runs', () => {
    let resolved = false;
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          at: {
            type: GraphQLString,
            args: { when: { type: DateTimeScalar } },
            resolve: () => {
              resolved = true;
              return 'ran';
            },
          },
        },
      }),
    });
    const bad = graphqlSync({ schema, source: '{ at(when: "0000-01-01T00:00:00Z") }' });
    expect(bad.errors?.[0].message).toMatch(/^DateTime must be an RFC 3339 date-time/);
    const badVariable = graphqlSync({
      schema,
      source: 'query($w: DateTime) { at(when: $w) }',
      variableValues: { w: true },
    });
    expect(badVariable.errors?.[0].message).toMatch(/Variable "\$w" got invalid value true/);
    expect(resolved).toBe(false);
    expect(graphqlSync({ schema, source: '{ at(when: "2026-01-01T00:00:00Z") }' }).data).toEqual({
      at: 'ran',
    });
  });

  it('writes a Date as an ISO string at UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-03-14T16:30:00+07:00'))).toBe(
      '2026-03-14T09:30:00.000Z',
    );
  });
});
