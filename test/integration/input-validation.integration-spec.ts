import { createHash, randomUUID } from 'node:crypto';
import { createClient, type Client as SocketClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import { WebSocket } from 'ws';
import { dataSourceOf } from '../support/boot-in-process';
import {
  dataOf,
  errorCode,
  graphqlRequest,
  signIn,
  type GraphqlResult,
} from '../support/graphql-http';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

/**
 * Bad input answers BAD_USER_INPUT naming the field — never INTERNAL_SERVER_ERROR — and writes
 * nothing: text PostgreSQL cannot store (NUL, unpaired surrogates), control characters, strings
 * beyond the limits, malformed ids, impossible dates, forged cursors, out-of-range numbers, over
 * HTTP (variables and inline literals) and over WebSocket. Also: persisted queries are off.
 */

const OPEN_CASE = `mutation($input: OpenCaseInput!) {
  openCase(input: $input) { id reference title summary persons { id } }
}`;
const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!, $note: String) { acceptReferral(id: $id, note: $note) { id status } }`;

type Result = GraphqlResult<Record<string, unknown>>;

describe('bad input', () => {
  let gateway: RunningGateway;
  let db: DataSource;
  let desk: string;
  let receiver: string;
  let pwniUnit: string;

  const as = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(gateway.graphqlUrl, query, variables, { token });

  /** Rows of the tables a refused request must not touch. */
  async function counts(): Promise<Record<string, number>> {
    const [row]: Record<string, string>[] = await db.query(`SELECT
      (SELECT count(*) FROM "case") AS cases, (SELECT count(*) FROM referral) AS referrals,
      (SELECT count(*) FROM handoff_note) AS notes, (SELECT count(*) FROM ledger_entry) AS ledger,
      (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM idempotency_key) AS keys`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }

  /** The request is refused as BAD_USER_INPUT naming `field`, with HTTP 400, and wrote nothing. */
  async function expectRefused(field: string, send: () => Promise<Result>): Promise<Result> {
    const before = await counts();
    const result = await send();
    expect({ status: result.status, errors: result.errors }).toEqual({
      status: 400,
      errors: [
        expect.objectContaining({
          message: expect.stringMatching(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: `)),
          extensions: { code: 'BAD_USER_INPUT', field },
        }),
      ],
    });
    expect(result.data).toBeUndefined();
    expect(await counts()).toEqual(before);
    return result;
  }

  const caseInput = (overrides: Record<string, unknown> = {}) => ({
    title: 'Kasus uji masukan',
    exploitationTypes: ['ONLINE_SCAM'],
    ...overrides,
  });

  async function openCase(overrides: Record<string, unknown> = {}) {
    const result = await as(desk, OPEN_CASE, { input: caseInput(overrides) });
    return dataOf(result).openCase as {
      id: string;
      reference: string;
      title: string;
      summary: string | null;
      persons: { id: string }[];
    };
  }

  beforeAll(async () => {
    gateway = await startHardenedGateway();
    db = dataSourceOf(gateway.app);
    desk = (await signIn(gateway.graphqlUrl, 'kbri.phnompenh')).accessToken;
    receiver = (await signIn(gateway.graphqlUrl, 'kemlu.pwni')).accessToken;
    const units = dataOf(await as(desk, '{ units { id code } }')).units as {
      id: string;
      code: string;
    }[];
    pwniUnit = units.find((u) => u.code === 'KEMLU-PWNI')!.id;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  describe('a NUL byte, wherever it is sent', () => {
    it('login(username)', async () => {
      await expectRefused('username', () =>
        as(
          undefined,
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
          {
            u: 'a\u0000b',
            p: 'simpul-demo-password',
          },
        ),
      );
    });

    it('caseByReference, as a variable and as an inline literal', async () => {
      await expectRefused('reference', () =>
        as(desk, 'query($r: String!) { caseByReference(reference: $r) { id } }', { r: 'a\u0000b' }),
      );
      await expectRefused('reference', () =>
        as(desk, '{ caseByReference(reference: "a\\u0000b") { id } }'),
      );
    });

    it.each(['title', 'summary', 'idempotencyKey'])('openCase input.%s', async (field) => {
      await expectRefused(`input.${field}`, () =>
        as(desk, OPEN_CASE, { input: caseInput({ [field]: 'a\u0000b' }) }),
      );
    });

    it('openCase, a person nested in a list', async () => {
      await expectRefused('input.persons[1].fullName', () =>
        as(desk, OPEN_CASE, {
          input: caseInput({
            persons: [
              { fullName: 'Siti', sex: 'FEMALE' },
              { fullName: 'a\u0000b', sex: 'MALE' },
            ],
          }),
        }),
      );
    });

    it('sendReferral input.summary and input.lawfulBasis.consentReference', async () => {
      const opened = await openCase({ persons: [{ fullName: 'Maria Bili', sex: 'FEMALE' }] });
      const input = {
        caseId: opened.id,
        toUnitId: pwniUnit,
        services: ['REPATRIATION'],
        priority: 'URGENT',
        summary: 'Mohon fasilitasi pemulangan',
      };
      await expectRefused('input.summary', () =>
        as(desk, SEND, { input: { ...input, summary: 'a\u0000b' } }),
      );
      await expectRefused('input.lawfulBasis.consentReference', () =>
        as(desk, SEND, {
          input: {
            ...input,
            personIds: [opened.persons[0].id],
            lawfulBasis: { basis: 'CONSENT', consentReference: 'a\u0000b' },
          },
        }),
      );
    });

    it('acceptReferral(note), and the referral can still be accepted', async () => {
      const opened = await openCase();
      const sent = dataOf(
        await as(desk, SEND, {
          input: {
            caseId: opened.id,
            toUnitId: pwniUnit,
            services: ['REPATRIATION'],
            priority: 'ROUTINE',
            summary: 'Rujukan uji',
          },
        }),
      ).sendReferral as { id: string };
      await expectRefused('note', () => as(receiver, ACCEPT, { id: sent.id, note: 'a\u0000b' }));
      const accepted = dataOf(await as(receiver, ACCEPT, { id: sent.id, note: 'Diterima' }));
      expect(accepted.acceptReferral).toMatchObject({ status: 'ACCEPTED' });
    });
  });

  describe('other text PostgreSQL cannot store faithfully, or nobody types', () => {
    it.each([
      ['a lone high surrogate', 'x\ud83d', /unpaired surrogate/],
      ['a lone low surrogate', '\ude00', /unpaired surrogate/],
      ['an ANSI escape', '\u001b[31mmerah', /control characters/],
      ['DEL', 'a\u007f', /control characters/],
      ['a C1 control', 'a\u009b', /control characters/],
      ['more than 10,000 characters', 'x'.repeat(10_001), /at most 10000 characters/],
    ])('refuses %s', async (_what, title, why) => {
      const result = await expectRefused('input.title', () =>
        as(desk, OPEN_CASE, { input: caseInput({ title }) }),
      );
      expect(result.errors?.[0].message).toMatch(why);
    });

    it('stores and returns tabs, line breaks, emoji and right-to-left text exactly', async () => {
      const summary = 'Baris satu\nBaris dua\tdengan tab\r\n👩‍👩‍👧‍👦 🇮🇩 ملاحظة \u202eevil\u202c Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o';
      const opened = await openCase({ title: 'Judul 𝔸 語', summary });
      expect(opened).toMatchObject({ title: 'Judul 𝔸 語', summary: summary.trim() });
      const read = dataOf(
        await as(desk, 'query($id: ID!) { case(id: $id) { summary } }', { id: opened.id }),
      );
      expect(read.case).toEqual({ summary: summary.trim() });
    });

    it('refuses a field beyond its own documented limit, naming it', async () => {
      const result = await as(desk, OPEN_CASE, { input: caseInput({ title: 'x'.repeat(201) }) });
      expect(result.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.title',
      });
    });
  });

  describe('ids, dates, cursors and numbers', () => {
    it('refuses an id that is not a UUID; an unknown UUID is NOT_FOUND', async () => {
      await expectRefused('id', () =>
        as(desk, 'query($id: ID!) { case(id: $id) { id } }', { id: 'not-an-id' }),
      );
      await expectRefused('id', () => as(desk, '{ referral(id: -12345) { id } }'));
      await expectRefused('input.toUnitId', () =>
        as(desk, SEND, {
          input: {
            caseId: randomUUID(),
            toUnitId: "x' OR 1=1 --",
            services: ['REPATRIATION'],
            priority: 'URGENT',
            summary: 'Rujukan',
          },
        }),
      );
      expect(errorCode(await as(desk, `{ case(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
    });

    it('names input.idempotencyKey when a key is reused for a different request', async () => {
      const idempotencyKey = `reuse-${randomUUID()}`;
      const first = await openCase({ idempotencyKey });
      const before = await counts();
      const again = await as(desk, OPEN_CASE, {
        input: caseInput({ idempotencyKey, title: 'Kasus lain' }),
      });
      expect(again.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' },
        }),
      ]);
      expect(await counts()).toEqual(before);
      // The same request with the same key still answers the first result.
      const replay = await as(desk, OPEN_CASE, { input: caseInput({ idempotencyKey }) });
      expect((dataOf(replay).openCase as { id: string }).id).toBe(first.id);
    });

    it('refuses an id spelled in capitals: this API issues lower-case ids only', async () => {
      // PostgreSQL would find the same row under either spelling, but the checks that compare
      // ids in code would not (a unit's own id, the persons a unit holds): the same person was
      // FORBIDDEN ("identities it holds itself") and the same unit "no such unit".
      const opened = await openCase({
        persons: [{ fullName: 'Orang Uji Huruf Besar', sex: 'FEMALE' }],
      });
      const personId = opened.persons[0].id;
      await expectRefused('id', () =>
        as(desk, 'query($id: ID!) { case(id: $id) { id } }', { id: opened.id.toUpperCase() }),
      );
      await expectRefused('input.personIds[0]', () =>
        as(desk, SEND, {
          input: {
            caseId: opened.id,
            toUnitId: pwniUnit,
            services: ['REPATRIATION'],
            priority: 'URGENT',
            summary: 'Rujukan',
            personIds: [personId.toUpperCase()],
            lawfulBasis: { basis: 'VITAL_INTEREST' },
          },
        }),
      );
      await expectRefused('input.toUnitId', () =>
        as(desk, SEND, {
          input: {
            caseId: opened.id,
            toUnitId: pwniUnit.toUpperCase(),
            services: ['REPATRIATION'],
            priority: 'URGENT',
            summary: 'Rujukan',
          },
        }),
      );
    });

    it('refuses impossible birth dates naming the field', async () => {
      for (const birthDate of ['0000-01-01', '1899-12-31', '2026-02-30']) {
        const result = await as(desk, OPEN_CASE, {
          input: caseInput({ persons: [{ fullName: 'Siti', sex: 'FEMALE', birthDate }] }),
        });
        expect(result.errors?.[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'input.persons[0].birthDate',
        });
      }
    });

    it('refuses DateTime values that are not RFC 3339 date-times from 1900 to 9999', async () => {
      for (const from of [
        '0000-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        'yesterday',
        true,
      ]) {
        const variable = await as(
          desk,
          'query($f: DateTime) { handoffStats(from: $f) { received } }',
          {
            f: from,
          },
        );
        expect([variable.status, errorCode(variable)]).toEqual([400, 'BAD_USER_INPUT']);
      }
      const literal = await as(desk, '{ handoffStats(from: "0000-01-01T00:00:00Z") { received } }');
      expect([literal.status, errorCode(literal)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      // A real date-time gets through to the operation, which refuses a desk officer.
      const fine = await as(desk, '{ handoffStats(from: "2026-01-01T00:00:00Z") { received } }');
      expect(errorCode(fine)).toBe('FORBIDDEN');
    });

    it('refuses forged cursors and page sizes out of range', async () => {
      const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const after of [
        '!!!not base64',
        forge('x'),
        forge(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
        forge(['0000-01-01T00:00:00.000Z', randomUUID()]),
        forge(['yesterday', randomUUID()]),
      ]) {
        const result = await as(receiver, 'query($a: String) { inbox(after: $a) { totalCount } }', {
          a: after,
        });
        expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      }
      const huge = await as(receiver, '{ inbox(first: 101) { totalCount } }');
      expect(huge.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
      const outOfRange = await as(receiver, 'query($n: Int) { inbox(first: $n) { totalCount } }', {
        n: 2 ** 31,
      });
      expect([outOfRange.status, errorCode(outOfRange)]).toEqual([400, 'BAD_USER_INPUT']);
    });
  });

  describe('automatic persisted queries', () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

    async function post(body: unknown): Promise<{ status: number; body: Result }> {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Result };
    }

    it('are off: a wrong hash, a right hash or a hash alone answers PERSISTED_QUERY_NOT_SUPPORTED, unexecuted', async () => {
      const query = '{ me { username } }';
      for (const body of [
        { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } } },
        { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
      ]) {
        const { status, body: answer } = await post(body);
        expect(status).toBeLessThan(500);
        expect(answer.data).toBeUndefined();
        expect(answer.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }),
        ]);
      }
      // Without the extension the same query runs.
      expect(dataOf((await post({ query })).body).me).toEqual({ username: 'kbri.phnompenh' });
    });
  });

  describe('over WebSocket', () => {
    let socket: SocketClient;

    beforeAll(() => {
      socket = createClient({
        url: gateway.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${desk}` },
        lazy: true,
        retryAttempts: 0,
      });
    });
    afterAll(async () => {
      await socket?.dispose();
    });

    async function overSocket(query: string, variables: Record<string, unknown> = {}) {
      const results: unknown[] = [];
      try {
        for await (const result of socket.iterate({ query, variables })) results.push(result);
      } catch (error) {
        return { thrown: error };
      }
      return { results };
    }

    it('refuses a NUL in a mutation sent over the socket, naming the field, writing nothing', async () => {
      const before = await counts();
      const answer = await overSocket(OPEN_CASE, { input: caseInput({ summary: 'a\u0000b' }) });
      expect(answer).toEqual({
        results: [
          {
            errors: [
              expect.objectContaining({
                message: expect.stringMatching(/^input\.summary: /),
                extensions: { code: 'BAD_USER_INPUT', field: 'input.summary' },
              }),
            ],
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('answers a document that does not parse with an error, and keeps the socket open', async () => {
      const answer = await overSocket('{ caseByReference(reference: "\\ud835") { id }');
      expect(Array.isArray(answer.thrown)).toBe(true);
      expect((answer.thrown as { message: string }[])[0]).toMatchObject({
        message: expect.stringMatching(/^Syntax Error/),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
      const next = await overSocket('{ me { username } }');
      expect(next).toEqual({ results: [{ data: { me: { username: 'kbri.phnompenh' } } }] });
    });
  });
});
