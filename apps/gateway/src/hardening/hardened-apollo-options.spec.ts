import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { ConfigError, loadConfig, type AppConfig } from '@simpul/config';
import type { AccessTokenAuthenticator } from '@simpul/identity';
import { graphqlOptions } from '../graphql/graphql-options';
import { hardenedApolloOptions } from './hardened-apollo-options';
import { hideFieldSuggestionsPlugin, withoutSuggestion } from './hide-field-suggestions.plugin';
import { exceedsTokenLimit } from './max-tokens.plugin';
import { hardenedSubscriptionValidate } from './subscription-validate';

const testConfig = (env: Record<string, string> = {}): AppConfig =>
  loadConfig({ SIMPUL_ENV: 'test', TOKEN_SECRET: 'x'.repeat(32), ...env });
const productionConfig = (): AppConfig => ({ ...testConfig(), env: 'production' });

/** The served schema, as committed (npm run schema:print). */
const schema: GraphQLSchema = buildSchema(
  readFileSync(join(process.cwd(), 'schema/schema.graphql'), 'utf8'),
);

function errorsOf(query: string, config = testConfig()): string[] {
  const rules = [...specifiedRules, ...hardenedApolloOptions(config).validationRules];
  return validate(schema, parse(query), rules).map((error) => error.message);
}

/** Operations of the README walkthrough, the e2e tests and their support code. */
const DOCUMENTED_OPERATIONS: Record<string, string> = {
  login: `mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken expiresAt
      officer { id username displayName roles unit { id code timeZone agency { code kind } } }
    }
  }`,
  units: 'query Units { units { id code } }',
  agencies: '{ agencies { code kind units { code agency { code } } } }',
  openCase: `mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) { id reference persons { id label } }
  }`,
  sendReferral: `mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) { id reference status delivery version }
  }`,
  inboxPage:
    'query Inbox { inbox(first: 50) { edges { node { id reference status delivery version } } } }',
  readmeInbox: `{ inbox { totalCount edges { node { id reference status delivery deliveredAt sla
    case { reference persons { label fullName } } } } } }`,
  acknowledge: `mutation Acknowledge($id: ID!, $expectedVersion: Int) {
    acknowledgeReferral(id: $id, expectedVersion: $expectedVersion) { id reference status delivery version }
  }`,
  accept: `mutation Accept($id: ID!, $expectedVersion: Int) {
    acceptReferral(id: $id, expectedVersion: $expectedVersion) { id reference status delivery version }
  }`,
  readmeTimeline: `query Timeline($caseId: ID!) {
    handoffTimeline(caseId: $caseId) {
      seq action actor { username } fromUnit { code } toUnit { code } prevHash entryHash
    }
  }`,
  casePersons:
    'query CasePersons($id: ID!) { case(id: $id) { id persons { label fullName nationalId } } }',
  unitEvents: `subscription UnitEvents {
    unitEvents { seq action referral { id reference } toUnit { code } }
  }`,
  introspection: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }),
};

describe('hardenedApolloOptions', () => {
  it.each(Object.entries(DOCUMENTED_OPERATIONS))(
    'lets the documented operation %s through with the default limits',
    (_name, query) => {
      expect(errorsOf(query)).toEqual([]);
      expect(exceedsTokenLimit(query, testConfig().graphqlMaxTokens)).toBe(false);
    },
  );

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH with the depth it found', () => {
    const deep =
      '{ agencies { units { agency { units { agency { units { agency { units { code } } } } } } } } }';
    expect(errorsOf(deep)).toEqual(['Query depth limit of 8 exceeded, found 9.']);
    expect(errorsOf(deep, testConfig({ GRAPHQL_MAX_DEPTH: '9' }))).toEqual([]);
  });

  it('refuses more than GRAPHQL_MAX_ALIASES aliases', () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
    expect(errorsOf(aliases(15))).toEqual([]);
    expect(errorsOf(aliases(16))).toEqual(['Aliases limit of 15 exceeded, found 16.']);
  });

  it('refuses more than GRAPHQL_MAX_DIRECTIVES directives', () => {
    const directives = (n: number) =>
      `query ($t: Boolean!) { me { ${'username @include(if: $t) '.repeat(n)} } }`;
    expect(errorsOf(directives(10))).toEqual([]);
    expect(errorsOf(directives(11))).toEqual(['Directives limit of 10 exceeded, found 11.']);
  });

  it('refuses a query whose estimated cost exceeds GRAPHQL_MAX_COST', () => {
    const query = `{ inbox(first: 100) { totalCount edges { node { id reference status delivery
      deliveredAt sla case { reference persons { label fullName } } } } } }`;
    const [message] = errorsOf(query);
    expect(message).toMatch(/^Query Cost limit of 5000 exceeded, found \d+(\.\d+)?\.$/);
    expect(errorsOf(query, testConfig({ GRAPHQL_MAX_COST: '20000' }))).toEqual([]);
  });

  it('counts tokens without comments and stops at the limit', () => {
    expect(exceedsTokenLimit('{ me { username } }', 6)).toBe(false);
    expect(exceedsTokenLimit('{ me { username } }', 5)).toBe(true);
    expect(exceedsTokenLimit(`# ${'x'.repeat(10_000)}\n{ me { username } }`, 6)).toBe(false);
    expect(exceedsTokenLimit('{ me { "unterminated } }', 2)).toBe(true);
    expect(exceedsTokenLimit('{ me { "unterminated } }', 100)).toBe(false);
  });

  it('keeps introspection and suggestions outside production', () => {
    const options = hardenedApolloOptions(testConfig());
    expect(options.plugins).not.toContain(hideFieldSuggestionsPlugin);
    expect(errorsOf('{ __schema { queryType { name } } }')).toEqual([]);
    expect(graphqlOptions(testConfig(), {} as AccessTokenAuthenticator).introspection).toBe(true);
  });

  it('turns introspection and field suggestions off in production', () => {
    const options = hardenedApolloOptions(productionConfig());
    expect(options.plugins).toContain(hideFieldSuggestionsPlugin);
    expect(errorsOf('{ __schema { queryType { name } } }', productionConfig())[0]).toBe(
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
    );
    expect(errorsOf('{ __type(name: "Case") { name } }', productionConfig())[0]).toMatch(
      /introspection has been disabled/,
    );
    expect(errorsOf('{ me { __typename username } }', productionConfig())).toEqual([]);
    expect(graphqlOptions(productionConfig(), {} as AccessTokenAuthenticator).introspection).toBe(
      false,
    );
  });

  it('applies the same rules to WebSocket operations', () => {
    const validateSubscription = hardenedSubscriptionValidate(productionConfig());
    const deep = parse(`subscription { unitEvents { referral { case { referrals { case {
      referrals { case { referrals { id } } } } } } } } }`);
    expect(validateSubscription(schema, deep).map((e) => e.message)).toEqual([
      'Query depth limit of 8 exceeded, found 9.',
    ]);
    const introspection = parse('{ __schema { types { name } } }');
    expect(validateSubscription(schema, introspection)[0].message).toMatch(
      /introspection has been disabled/,
    );
  });
});

describe('limit configuration', () => {
  it('defaults to depth 8, aliases 15, directives 10, tokens 2,000 and cost 5,000', () => {
    expect(testConfig()).toMatchObject({
      graphqlMaxDepth: 8,
      graphqlMaxAliases: 15,
      graphqlMaxDirectives: 10,
      graphqlMaxTokens: 2000,
      graphqlMaxCost: 5000,
    });
  });

  it.each([
    'GRAPHQL_MAX_DEPTH',
    'GRAPHQL_MAX_ALIASES',
    'GRAPHQL_MAX_DIRECTIVES',
    'GRAPHQL_MAX_TOKENS',
    'GRAPHQL_MAX_COST',
  ])('stops at boot on a bad %s, naming it', (variable) => {
    for (const bad of ['0', '-1', 'ten', '1.5']) {
      expect(() => testConfig({ [variable]: bad })).toThrow(ConfigError);
      expect(() => testConfig({ [variable]: bad })).toThrow(variable);
    }
  });
});

describe('hiding field suggestions', () => {
  it('removes every form of "Did you mean" graphql-js appends', () => {
    expect(
      withoutSuggestion('Cannot query field "usrname" on type "Officer". Did you mean "username"?'),
    ).toBe('Cannot query field "usrname" on type "Officer".');
    expect(
      withoutSuggestion(
        'Value "FEMAL" does not exist in "Sex" enum. Did you mean the enum value "FEMALE"?',
      ),
    ).toBe('Value "FEMAL" does not exist in "Sex" enum.');
    expect(
      withoutSuggestion('Unknown argument "frist". Did you mean "first", "after", or "status"?'),
    ).toBe('Unknown argument "frist".');
    expect(withoutSuggestion('Cannot query field "nope" on type "Query".')).toBe(
      'Cannot query field "nope" on type "Query".',
    );
  });
});
