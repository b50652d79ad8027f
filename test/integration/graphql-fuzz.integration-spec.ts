import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { createClient, type Client as SocketClient } from 'graphql-ws';
import { Client } from 'pg';
import { WebSocket } from 'ws';
import { requestPlans, type Caller, type RequestPlan } from '../support/graphql-fuzz/fuzz-requests';
import { Pools, renderRequest } from '../support/graphql-fuzz/fuzz-render';
import { installWriteCounter } from '../support/graphql-fuzz/table-fingerprint';
import { dataOf, graphqlRequest, signIn } from '../support/graphql-http';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

/**
 * Thousands of requests generated from the served schema — every query and mutation, arguments of
 * the wrong type, missing, null, extra, huge and odd strings (NUL, unpaired surrogates, control
 * characters, RTL, emoji, SQL and JSON fragments), malformed and random ids, bad enums, impossible
 * dates, forged cursors, out-of-range numbers — as inline literals and as variables, over HTTP and
 * WebSocket, from an anonymous client, desk officers, the police, an auditor and an admin, against
 * the whole gateway on real PostgreSQL and Redis (a database of its own: the admin's mutations and
 * the sign-in failures must not touch the run's other files).
 *
 * Fails on any HTTP 5xx, any INTERNAL_SERVER_ERROR, any error without `extensions.code` (HTTP or
 * WebSocket), any BAD_USER_INPUT from a resolver without `extensions.field`, and any row written (inserted, updated or deleted, table-fingerprint.ts) by a
 * request whose root field failed. Requests run one at a time so that a write is attributable.
 *
 * FUZZ_RUNS (default 2,000) sets the number of requests, FUZZ_SEED (default below, printed) the
 * seed: the same seed generates the same requests.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const USERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  desk: 'kbri.phnompenh',
  receiver: 'kemlu.pwni',
  police: 'polri.ppo',
  auditor: 'auditor',
  admin: 'admin',
};

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

interface Failure {
  index: number;
  kind: string;
  caller: Caller;
  transport: string;
  field: string;
  detail: string;
  query: string;
  variables: string;
}

const clip = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

describe('GraphQL fuzzing: no 5xx, no INTERNAL_SERVER_ERROR, no partial write', () => {
  let database: IsolatedDatabase;
  let gateway: RunningGateway;
  let pg: Client;
  let schema: GraphQLSchema;
  const tokens = new Map<Caller, string>();
  const sockets = new Map<Caller, SocketClient>();
  const pools = new Pools();

  beforeAll(async () => {
    database = await createIsolatedDatabase('fuzz');
    gateway = await startHardenedGateway({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-fuzz`,
      RATE_LIMIT_OFFICER_RPM: '0',
      RATE_LIMIT_ADDRESS_RPM: '0',
      // Thousands of failed sign-ins from one address must not lock the callers out mid-run.
      LOGIN_LOCKOUT_PAIR_FAILURES: '0',
      LOGIN_LOCKOUT_USERNAME_FAILURES: '0',
      LOGIN_LOCKOUT_ADDRESS_FAILURES: '0',
    });
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    schema = gateway.app.get(GraphQLSchemaHost).schema;
    await signInAll();
    await seedPools();
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets.values()) await socket.dispose();
    await pg?.end();
    await gateway?.close();
    await database?.drop();
  }, 60_000);

  let signedInAt = 0;

  /**
   * Tokens for every caller, and fresh sockets for them. Access tokens live 15 minutes and a long
   * run (FUZZ_RUNS=10000) outlasts them: callers sign in again every 10 minutes, as a client
   * refreshes before `expiresAt`.
   */
  async function signInAll(): Promise<void> {
    for (const [caller, username] of Object.entries(USERS)) {
      tokens.set(caller as Caller, (await signIn(gateway.graphqlUrl, username)).accessToken);
    }
    for (const socket of sockets.values()) await socket.dispose();
    sockets.clear();
    signedInAt = Date.now();
  }

  async function as<T>(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const result = await graphqlRequest<T>(gateway.graphqlUrl, query, variables, {
      token: tokens.get(caller),
    });
    pools.harvest(result.data, query.includes('createOfficer'));
    return dataOf(result);
  }

  /** Cases, persons, referrals in every direction and throwaway officers to aim at. */
  async function seedPools(): Promise<void> {
    await as('desk', '{ units { __typename id code } }');
    await as('admin', '{ agencies { __typename id } }');
    const { units } = await as<{ units: { id: string; code: string }[] }>(
      'desk',
      '{ units { id code } }',
    );
    const unitId = (code: string) => units.find((u) => u.code === code)?.id;
    for (let i = 0; i < 4; i++) {
      const { openCase } = await as<{ openCase: { id: string; persons: { id: string }[] } }>(
        'desk',
        `mutation($input: OpenCaseInput!) { openCase(input: $input) {
          __typename id reference persons { __typename id } } }`,
        {
          input: {
            title: `Kasus fuzz ${i}`,
            exploitationTypes: ['ONLINE_SCAM'],
            persons: [{ fullName: `Korban Fuzz ${i}`, sex: 'FEMALE', birthDate: '1998-03-14' }],
          },
        },
      );
      for (const [toUnit, named] of [
        ['KEMLU-PWNI', true],
        ['KEMLU-PWNI', false],
        ['POLRI-PPAPPO', false],
      ] as const) {
        await as(
          'desk',
          `mutation($input: SendReferralInput!) { sendReferral(input: $input) { __typename id } }`,
          {
            input: {
              caseId: openCase.id,
              toUnitId: unitId(toUnit),
              services: ['REPATRIATION'],
              priority: 'URGENT',
              summary: 'Rujukan fuzz',
              ...(named
                ? {
                    personIds: [openCase.persons[0].id],
                    lawfulBasis: { basis: 'VITAL_INTEREST' },
                  }
                : {}),
            },
          },
        );
      }
    }
    for (let i = 0; i < 3; i++) {
      await as(
        'admin',
        `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { __typename id } }`,
        {
          input: {
            username: `fuzz.target.${i}`,
            displayName: `Fuzz Target ${i}`,
            password: 'a-long-enough-passw0rd',
            roles: ['DESK_OFFICER'],
            unitId: unitId('BP3MI-NTT'),
          },
        },
      );
    }
    await as('desk', '{ cases(first: 2) { pageInfo { __typename endCursor } } }');
    await as('receiver', '{ inbox(first: 2) { pageInfo { __typename endCursor } } }');
  }

  function socketOf(caller: Caller): SocketClient {
    let socket = sockets.get(caller);
    if (!socket) {
      socket = createClient({
        url: gateway.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens.get(caller)}` },
        lazy: true,
        retryAttempts: 3,
        shouldRetry: () => true,
      });
      sockets.set(caller, socket);
    }
    return socket;
  }

  async function sendOverSocket(
    caller: Caller,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Answer> {
    const answer: Answer = { status: 200, errors: [] };
    const run = async () => {
      try {
        for await (const result of socketOf(caller).iterate({ query, variables })) {
          answer.data = result.data ?? answer.data;
          answer.errors?.push(...((result.errors as Answer['errors']) ?? []));
        }
      } catch (error) {
        // An `error` message (validation) carries GraphQL errors; anything else is the socket.
        if (Array.isArray(error)) answer.errors?.push(...(error as NonNullable<Answer['errors']>));
        else
          answer.errors?.push({
            message: `socket: ${String(error)}`,
            extensions: { code: 'SOCKET' },
          });
      }
    };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      run(),
      new Promise((resolve) => {
        timer = setTimeout(() => {
          answer.errors?.push({
            message: 'no answer within 15 s',
            extensions: { code: 'TIMEOUT' },
          });
          resolve(undefined);
        }, 15_000);
      }),
    ]);
    clearTimeout(timer);
    if (!answer.errors?.length) delete answer.errors;
    return answer;
  }

  async function sendOverHttp(
    caller: Caller,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Answer> {
    const token = tokens.get(caller);
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as Omit<Answer, 'status'>) };
    } catch {
      return { status: response.status, errors: [{ message: `non-JSON: ${clip(text, 120)}` }] };
    }
  }

  it(
    `answers ${RUNS} generated requests without a server error or a partial write (seed ${SEED})`,
    async () => {
      const plans: RequestPlan[] = fc.sample(requestPlans(schema), { numRuns: RUNS, seed: SEED });
      const writtenRows = await installWriteCounter(pg);
      let before = await writtenRows();
      const failures: Failure[] = [];
      const outcomes = new Map<string, number>();
      const started = Date.now();
      console.log(`GraphQL fuzz: ${RUNS} requests, FUZZ_SEED=${SEED}`);

      const timeByField = new Map<string, number>();
      let writesAnswered = 0;
      for (const [index, plan] of plans.entries()) {
        if (Date.now() - signedInAt > 10 * 60_000) await signInAll();
        const sentAt = Date.now();
        const { query, variables } = renderRequest(schema, plan, pools);
        const answer =
          plan.transport === 'ws'
            ? await sendOverSocket(plan.caller, query, variables)
            : await sendOverHttp(plan.caller, query, variables);
        const fail = (kind: string, detail: string) =>
          failures.push({
            index,
            kind,
            caller: plan.caller,
            transport: plan.transport,
            field: plan.field,
            detail: clip(detail, 200),
            query: clip(query),
            variables: clip(JSON.stringify(variables)),
          });

        const codes = (answer.errors ?? []).map((e) =>
          typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE',
        );
        const outcome =
          (plan.transport === 'ws' ? 'ws:' : '') +
          (codes[0] ?? (answer.status >= 400 ? `HTTP ${answer.status}` : 'OK'));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (answer.status >= 500) fail('HTTP 5xx', `HTTP ${answer.status}`);
        for (const error of answer.errors ?? []) {
          const code = error.extensions?.code;
          if (code === 'INTERNAL_SERVER_ERROR' || code === 'SOCKET' || code === 'TIMEOUT') {
            fail(String(code), error.message);
          }
          if (code === undefined) fail('error without extensions.code', error.message);
          if (code === 'BAD_USER_INPUT' && error.path && !error.extensions?.field) {
            fail('BAD_USER_INPUT without field', error.message);
          }
        }

        const rootValue = answer.data?.[plan.field];
        const rootFailed =
          (answer.errors ?? []).some((e) => !e.path || e.path.length <= 1) &&
          (rootValue === null || rootValue === undefined);
        const after = await writtenRows();
        if (rootFailed && after !== before) {
          fail('partial write', `${Number(after) - Number(before)} row(s) written`);
        }
        before = after;
        const key = `${plan.transport}:${plan.field}`;
        timeByField.set(key, (timeByField.get(key) ?? 0) + Date.now() - sentAt);
        if (!rootFailed) pools.harvest(answer.data, plan.field === 'createOfficer');
        if (!answer.errors && plan.operation === 'mutation') writesAnswered++;
      }

      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const summary = [...outcomes.entries()].sort((a, b) => b[1] - a[1]);
      console.log(
        `GraphQL fuzz: ${RUNS} requests in ${seconds} s (FUZZ_SEED=${SEED}); first error code → count: ${JSON.stringify(Object.fromEntries(summary))}`,
      );

      if (process.env.FUZZ_PROFILE) {
        const slowest = [...timeByField.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
        console.log(
          `GraphQL fuzz: ms per root field: ${JSON.stringify(Object.fromEntries(slowest))}`,
        );
      }

      // One example per (root field, kind of failure), so a report stays readable.
      const examples = new Map<string, Failure>();
      for (const failure of failures) {
        const key = `${failure.field} ${failure.kind} ${failure.detail.slice(0, 60)}`;
        if (!examples.has(key)) examples.set(key, failure);
      }
      expect({ seed: SEED, failures: failures.length, examples: [...examples.values()] }).toEqual({
        seed: SEED,
        failures: 0,
        examples: [],
      });

      // The run reached the use cases: requests succeeded, mutations wrote, bad input was refused.
      expect(outcomes.get('OK') ?? 0).toBeGreaterThan(RUNS * 0.05);
      expect(outcomes.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(RUNS * 0.05);
      expect(outcomes.get('ws:OK') ?? 0).toBeGreaterThan(0);
      expect(writesAnswered).toBeGreaterThan(RUNS * 0.01);

      // And every caller can still work.
      for (const caller of Object.keys(USERS) as Caller[]) {
        const me = await graphqlRequest<{ me: { username: string } }>(
          gateway.graphqlUrl,
          '{ me { username } }',
          {},
          { token: tokens.get(caller) },
        );
        expect(dataOf(me).me.username).toBe(USERS[caller as keyof typeof USERS]);
      }
    },
    300_000 + RUNS * 300,
  );
});
