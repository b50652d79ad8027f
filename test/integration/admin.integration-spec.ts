import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dataSourceOf } from '../support/boot-in-process';
import { testAddress } from '../support/create-test-officer';
import {
  dataOf,
  errorCode,
  graphqlRequest,
  signIn,
  type GraphqlResult,
} from '../support/graphql-http';
import { listenSessionGateway, type SessionGateway } from '../support/listen-session-gateway';
import { openGraphqlSocket } from '../support/open-graphql-socket';

const AGENCY = 'id code name kind units { code }';
const UNIT = 'id code name regionCode countryCode timeZone agency { code }';
const OFFICER = 'id username displayName roles active unit { code }';

const CREATE_AGENCY = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { ${AGENCY} } }`;
const UPDATE_AGENCY = `mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { ${AGENCY} } }`;
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT} } }`;
const UPDATE_UNIT = `mutation ($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { ${UNIT} } }`;
const CREATE_OFFICER = `mutation ($input: CreateOfficerInput!) { createOfficer(input: $input) { ${OFFICER} } }`;
const UPDATE_OFFICER = `mutation ($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { ${OFFICER} } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateOfficer(id: $id) { ${OFFICER} } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateOfficer(id: $id) { ${OFFICER} } }`;
const RESET_PASSWORD = `mutation ($id: ID!, $newPassword: String!) { resetOfficerPassword(id: $id, newPassword: $newPassword) }`;
const OFFICERS = `query ($unitId: ID) { officers(unitId: $unitId) { ${OFFICER} } }`;
const ME = '{ me { username roles active unit { code } } }';

interface Agency {
  id: string;
  code: string;
  name: string;
  kind: string;
  units: { code: string }[];
}
interface Unit {
  id: string;
  code: string;
  name: string;
  regionCode: string | null;
  countryCode: string | null;
  timeZone: string;
  agency: { code: string };
}
interface Officer {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  unit: { code: string };
}
interface LedgerRow {
  action: string;
  actor_id: string;
  from_unit_id: string | null;
  to_unit_id: string | null;
  case_id: string | null;
  payload: Record<string, unknown>;
  note_digest: string | null;
}

/** A code no other run or test uses. */
const uniqueCode = (prefix: string) =>
  `${prefix}-${randomUUID()
    .slice(0, 8)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '0')}`;

/**
 * Administration over GraphQL: every operation, its ledger entry (ids, codes, kinds and roles
 * only), its input validation, and FORBIDDEN for everyone but ADMIN.
 */
describe('administration', () => {
  let gateway: SessionGateway;
  let url: string;
  let db: DataSource;
  let adminToken: string;
  let adminId: string;
  /** Everything personal this file sends: none of it may ever reach the ledger. */
  const personal: string[] = [];

  const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(url, query, variables, { token: adminToken });
  const fieldOf = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.field;

  /** The newest ledger entry of this action whose payload has this id. */
  const entryFor = async (action: string, key: string, id: string): Promise<LedgerRow> => {
    const [row]: LedgerRow[] = await db.query(
      `SELECT action, actor_id, from_unit_id, to_unit_id, case_id, payload, note_digest
         FROM ledger_entry WHERE action = $1 AND payload->>$2 = $3 ORDER BY id DESC LIMIT 1`,
      [action, key, id],
    );
    if (!row) throw new Error(`no ${action} entry for ${key} ${id}`);
    return row;
  };
  const entryCount = async (action: string, key: string, id: string): Promise<number> => {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE action = $1 AND payload->>$2 = $3`,
      [action, key, id],
    );
    return n;
  };

  beforeAll(async () => {
    gateway = await listenSessionGateway({ WS_SESSION_CHECK_MS: '200' });
    url = gateway.graphqlUrl;
    db = dataSourceOf(gateway.app);
    const admin = await signIn(url, 'admin');
    adminToken = admin.accessToken;
    adminId = admin.officer.id;
  }, 60_000);

  afterAll(async () => {
    await gateway.app.close();
  });

  describe('agencies and units', () => {
    let agency: Agency;
    let unit: Unit;

    it('createAgency adds an agency and records AGENCY_CREATED', async () => {
      const code = uniqueCode('PEMPROV');
      const result = await asAdmin<{ createAgency: Agency }>(CREATE_AGENCY, {
        input: { code, name: 'Pemerintah Provinsi Uji', kind: 'PEMDA' },
      });
      agency = dataOf(result).createAgency;
      expect(agency).toMatchObject({
        code,
        name: 'Pemerintah Provinsi Uji',
        kind: 'PEMDA',
        units: [],
      });
      const entry = await entryFor('AGENCY_CREATED', 'agencyId', agency.id);
      expect(entry).toMatchObject({
        actor_id: adminId,
        from_unit_id: null,
        to_unit_id: null,
        case_id: null,
        note_digest: null,
        payload: { agencyId: agency.id, code, kind: 'PEMDA' },
      });
    });

    it('createAgency refuses a code in use and a malformed code, naming the field', async () => {
      const taken = await asAdmin(CREATE_AGENCY, {
        input: { code: agency.code, name: 'Duplikat', kind: 'PEMDA' },
      });
      expect(errorCode(taken)).toBe('BAD_USER_INPUT');
      expect(fieldOf(taken)).toBe('input.code');
      const reference = await asAdmin(CREATE_AGENCY, {
        input: { code: 'KEMLU', name: 'Duplikat', kind: 'KEMLU' },
      });
      expect(fieldOf(reference)).toBe('input.code');
      const malformed = await asAdmin(CREATE_AGENCY, {
        input: { code: 'pemprov uji', name: 'X', kind: 'PEMDA' },
      });
      expect(fieldOf(malformed)).toBe('input.code');
      const unnamed = await asAdmin(CREATE_AGENCY, {
        input: { code: uniqueCode('X'), name: '  ', kind: 'PEMDA' },
      });
      expect(fieldOf(unnamed)).toBe('input.name');
    });

    it('updateAgency changes name and kind and records which fields changed', async () => {
      const result = await asAdmin<{ updateAgency: Agency }>(UPDATE_AGENCY, {
        id: agency.id,
        input: { name: 'Pemerintah Provinsi Uji Coba' },
      });
      expect(dataOf(result).updateAgency).toMatchObject({
        code: agency.code,
        name: 'Pemerintah Provinsi Uji Coba',
        kind: 'PEMDA',
      });
      expect((await entryFor('AGENCY_UPDATED', 'agencyId', agency.id)).payload).toEqual({
        agencyId: agency.id,
        code: agency.code,
        kind: 'PEMDA',
        changed: ['name'],
      });
      // The same values again change nothing and add no entry.
      await asAdmin(UPDATE_AGENCY, {
        id: agency.id,
        input: { name: 'Pemerintah Provinsi Uji Coba' },
      });
      expect(await entryCount('AGENCY_UPDATED', 'agencyId', agency.id)).toBe(1);
    });

    it('updateAgency answers NOT_FOUND for no agency and BAD_USER_INPUT for no change', async () => {
      expect(
        errorCode(await asAdmin(UPDATE_AGENCY, { id: randomUUID(), input: { name: 'X' } })),
      ).toBe('NOT_FOUND');
      // Not a UUID: no id this API issues (the gateway refuses it before the use case).
      const malformed = await asAdmin(UPDATE_AGENCY, { id: 'not-an-id', input: { name: 'X' } });
      expect([errorCode(malformed), fieldOf(malformed)]).toEqual(['BAD_USER_INPUT', 'id']);
      const empty = await asAdmin(UPDATE_AGENCY, { id: agency.id, input: {} });
      expect(fieldOf(empty)).toBe('input');
      const cleared = await asAdmin(UPDATE_AGENCY, { id: agency.id, input: { name: null } });
      expect(fieldOf(cleared)).toBe('input.name');
    });

    it('createUnit adds a unit to the agency and records UNIT_CREATED', async () => {
      const code = uniqueCode('UPTDPPA');
      const result = await asAdmin<{ createUnit: Unit }>(CREATE_UNIT, {
        input: {
          agencyId: agency.id,
          code,
          name: 'UPTD PPA Provinsi Uji',
          regionCode: '52',
          timeZone: 'Asia/Makassar',
        },
      });
      unit = dataOf(result).createUnit;
      expect(unit).toMatchObject({
        code,
        regionCode: '52',
        countryCode: null,
        timeZone: 'Asia/Makassar',
        agency: { code: agency.code },
      });
      expect((await entryFor('UNIT_CREATED', 'unitId', unit.id)).payload).toEqual({
        unitId: unit.id,
        agencyId: agency.id,
        code,
        agencyKind: 'PEMDA',
      });
      const units = await asAdmin<{ units: { code: string }[] }>(
        '{ units(regionCode: "52") { code } }',
      );
      expect(dataOf(units).units.map((u) => u.code)).toContain(code);
    });

    it('createUnit validates the time zone, codes and agency, naming the field', async () => {
      const input = (overrides: Record<string, unknown>) => ({
        input: {
          agencyId: agency.id,
          code: uniqueCode('UNIT'),
          name: 'Unit Uji',
          timeZone: 'Asia/Jakarta',
          ...overrides,
        },
      });
      for (const timeZone of ['WITA', '+08:00', 'Asia/Bandung', 'asia/makassar']) {
        const result = await asAdmin(CREATE_UNIT, input({ timeZone }));
        expect([errorCode(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'input.timeZone']);
      }
      expect(fieldOf(await asAdmin(CREATE_UNIT, input({ code: unit.code })))).toBe('input.code');
      expect(fieldOf(await asAdmin(CREATE_UNIT, input({ code: 'BP3MI-NTT' })))).toBe('input.code');
      expect(fieldOf(await asAdmin(CREATE_UNIT, input({ agencyId: randomUUID() })))).toBe(
        'input.agencyId',
      );
      expect(fieldOf(await asAdmin(CREATE_UNIT, input({ regionCode: 'NTB' })))).toBe(
        'input.regionCode',
      );
      expect(fieldOf(await asAdmin(CREATE_UNIT, input({ countryCode: 'IDN' })))).toBe(
        'input.countryCode',
      );
    });

    it('updateUnit changes the zone, clears the region and records the changed fields', async () => {
      const result = await asAdmin<{ updateUnit: Unit }>(UPDATE_UNIT, {
        id: unit.id,
        input: { timeZone: 'Asia/Jakarta', regionCode: null },
      });
      expect(dataOf(result).updateUnit).toMatchObject({
        code: unit.code,
        timeZone: 'Asia/Jakarta',
        regionCode: null,
      });
      const entry = await entryFor('UNIT_UPDATED', 'unitId', unit.id);
      expect(entry.payload).toEqual({
        unitId: unit.id,
        agencyId: agency.id,
        code: unit.code,
        changed: ['timeZone', 'regionCode'],
      });
      const bad = await asAdmin(UPDATE_UNIT, { id: unit.id, input: { timeZone: 'Jakarta' } });
      expect(fieldOf(bad)).toBe('input.timeZone');
      expect(
        errorCode(await asAdmin(UPDATE_UNIT, { id: randomUUID(), input: { name: 'X' } })),
      ).toBe('NOT_FOUND');
    });
  });

  describe('officers', () => {
    let officer: Officer;
    const password = 'an initial password for the test';
    const username = `petugas.${randomUUID().slice(0, 8)}`;
    const displayName = 'Petugas Uji Coba Bernama Lengkap';

    const login = (name: string, pass: string, address = testAddress()) =>
      graphqlRequest<{ login: { accessToken: string; refreshToken: string } }>(
        url,
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }',
        { u: name, p: pass },
        { headers: { 'x-forwarded-for': address } },
      );

    beforeAll(() => {
      personal.push(username, displayName, password);
    });

    it('createOfficer adds an active officer who can sign in, and records OFFICER_CREATED', async () => {
      const result = await asAdmin<{ createOfficer: Officer }>(CREATE_OFFICER, {
        input: {
          username,
          displayName,
          roles: ['DESK_OFFICER'],
          unitId: await unitIdOf('BP3MI-NTT'),
          password,
        },
      });
      officer = dataOf(result).createOfficer;
      expect(officer).toMatchObject({
        username,
        displayName,
        roles: ['DESK_OFFICER'],
        active: true,
        unit: { code: 'BP3MI-NTT' },
      });
      expect(errorCode(await login(username, password))).toBeUndefined();
      expect((await entryFor('OFFICER_CREATED', 'officerId', officer.id)).payload).toEqual({
        officerId: officer.id,
        unitId: await unitIdOf('BP3MI-NTT'),
        roles: ['DESK_OFFICER'],
      });
    });

    it('createOfficer validates username, roles, unit and password, naming the field', async () => {
      const unitId = await unitIdOf('BP3MI-NTT');
      const input = (overrides: Record<string, unknown>) => ({
        input: {
          username: `petugas.${randomUUID().slice(0, 8)}`,
          displayName: 'Petugas',
          roles: ['DESK_OFFICER'],
          unitId,
          password: 'long enough password',
          ...overrides,
        },
      });
      const cases: [Record<string, unknown>, string][] = [
        [{ username }, 'input.username'],
        [{ username: 'bp3mi.ntt' }, 'input.username'],
        [{ username: 'Petugas Baru' }, 'input.username'],
        [{ roles: [] }, 'input.roles'],
        [{ unitId: randomUUID() }, 'input.unitId'],
        [{ unitId: 'unit-1' }, 'input.unitId'],
        [{ password: 'short' }, 'input.password'],
        [{ displayName: '' }, 'input.displayName'],
      ];
      for (const [overrides, field] of cases) {
        const result = await asAdmin(CREATE_OFFICER, input(overrides));
        expect([errorCode(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
        expect(JSON.stringify(result.errors)).not.toContain('long enough password');
      }
    });

    it('officers lists a unit, inactive officers included, with their active flag', async () => {
      const result = await asAdmin<{ officers: Officer[] }>(OFFICERS, {
        unitId: await unitIdOf('BP3MI-NTT'),
      });
      const usernames = dataOf(result).officers.map((o) => o.username);
      expect(usernames).toEqual(
        expect.arrayContaining(['bp3mi.ntt', 'bp3mi.ntt.kepala', username]),
      );
      expect(dataOf(result).officers.every((o) => o.unit.code === 'BP3MI-NTT')).toBe(true);
      const all = dataOf(await asAdmin<{ officers: Officer[] }>(OFFICERS)).officers;
      expect(all.map((o) => o.username)).toEqual(
        expect.arrayContaining(['admin', 'lpsk', username]),
      );
      expect(errorCode(await asAdmin(OFFICERS, { unitId: 'x' }))).toBe('BAD_USER_INPUT');
    });

    it('updateOfficer moves the officer, whose token follows at the next request', async () => {
      const { data } = await login(username, password);
      const token = data!.login.accessToken;
      const unitId = await unitIdOf('KP2MI-PUSAT');
      const result = await asAdmin<{ updateOfficer: Officer }>(UPDATE_OFFICER, {
        id: officer.id,
        input: { unitId, roles: ['DESK_OFFICER', 'SUPERVISOR'], displayName: `${displayName} II` },
      });
      personal.push(`${displayName} II`);
      expect(dataOf(result).updateOfficer).toMatchObject({
        roles: ['DESK_OFFICER', 'SUPERVISOR'],
        unit: { code: 'KP2MI-PUSAT' },
      });
      const me = await graphqlRequest<{ me: { unit: { code: string }; roles: string[] } }>(
        url,
        ME,
        {},
        { token },
      );
      expect(dataOf(me).me).toMatchObject({
        unit: { code: 'KP2MI-PUSAT' },
        roles: ['DESK_OFFICER', 'SUPERVISOR'],
      });
      expect((await entryFor('OFFICER_UPDATED', 'officerId', officer.id)).payload).toEqual({
        officerId: officer.id,
        unitId,
        roles: ['DESK_OFFICER', 'SUPERVISOR'],
        changed: ['displayName', 'roles', 'unitId'],
      });
    });

    it('updateOfficer will not let an admin remove its own ADMIN role', async () => {
      const result = await asAdmin(UPDATE_OFFICER, { id: adminId, input: { roles: ['AUDITOR'] } });
      expect(fieldOf(result)).toBe('input.roles');
      const empty = await asAdmin(UPDATE_OFFICER, { id: officer.id, input: { roles: [] } });
      expect(fieldOf(empty)).toBe('input.roles');
    });

    it('deactivateOfficer kills the officer’s tokens at once, over HTTP and WebSocket', async () => {
      const session = dataOf(await login(username, password)).login;
      const socket = openGraphqlSocket(gateway.websocketUrl, session.accessToken);
      try {
        await socket.connected;
        socket.subscribeToUnitEvents();

        const result = await asAdmin<{ deactivateOfficer: Officer }>(DEACTIVATE, {
          id: officer.id,
        });
        expect(dataOf(result).deactivateOfficer.active).toBe(false);

        expect(errorCode(await graphqlRequest(url, ME, {}, { token: session.accessToken }))).toBe(
          'UNAUTHENTICATED',
        );
        expect((await socket.closed).code).toBe(4403);
        const refresh = await graphqlRequest(
          url,
          'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
          { t: session.refreshToken },
        );
        expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
        const again = await login(username, password);
        expect(errorCode(again)).toBe('UNAUTHENTICATED');
        expect(again.errors![0].message).toBe('Invalid username or password');
      } finally {
        await socket.dispose();
      }
      expect((await entryFor('OFFICER_DEACTIVATED', 'officerId', officer.id)).payload).toEqual({
        officerId: officer.id,
        unitId: await unitIdOf('KP2MI-PUSAT'),
      });
      expect(errorCode(await asAdmin(DEACTIVATE, { id: officer.id }))).toBe('CONFLICT');
      expect(fieldOf(await asAdmin(DEACTIVATE, { id: adminId }))).toBe('id');
      expect(errorCode(await asAdmin(DEACTIVATE, { id: randomUUID() }))).toBe('NOT_FOUND');
    }, 20_000);

    it('reactivateOfficer lets the officer sign in again', async () => {
      const result = await asAdmin<{ reactivateOfficer: Officer }>(REACTIVATE, { id: officer.id });
      expect(dataOf(result).reactivateOfficer.active).toBe(true);
      expect(errorCode(await login(username, password))).toBeUndefined();
      expect((await entryFor('OFFICER_REACTIVATED', 'officerId', officer.id)).payload).toEqual({
        officerId: officer.id,
        unitId: await unitIdOf('KP2MI-PUSAT'),
      });
      expect(errorCode(await asAdmin(REACTIVATE, { id: officer.id }))).toBe('CONFLICT');
    });

    it('resetOfficerPassword sets the new password, ends all sessions and lifts a lockout', async () => {
      const before = dataOf(await login(username, password)).login;
      const address = testAddress();
      for (let i = 0; i < 5; i++) await login(username, 'a wrong password', address);
      expect(errorCode(await login(username, password, address))).toBe('RATE_LIMITED');

      const newPassword = 'the password the admin chose';
      personal.push(newPassword);
      const result = await asAdmin<{ resetOfficerPassword: boolean }>(RESET_PASSWORD, {
        id: officer.id,
        newPassword,
      });
      expect(dataOf(result).resetOfficerPassword).toBe(true);

      expect(errorCode(await graphqlRequest(url, ME, {}, { token: before.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await login(username, password, address))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(username, newPassword, address))).toBeUndefined();
      const entry = await entryFor('OFFICER_PASSWORD_RESET', 'officerId', officer.id);
      expect(entry.payload).toEqual({
        officerId: officer.id,
        unitId: await unitIdOf('KP2MI-PUSAT'),
      });
      expect(entry.note_digest).toBeNull();

      const short = await asAdmin(RESET_PASSWORD, { id: officer.id, newPassword: 'short' });
      expect(fieldOf(short)).toBe('newPassword');
    });

    async function unitIdOf(code: string): Promise<string> {
      const [row]: { id: string }[] = await db.query('SELECT id FROM unit WHERE code = $1', [code]);
      return row.id;
    }
  });

  describe('who may administer', () => {
    const operations: [string, string, Record<string, unknown>][] = [
      ['createAgency', CREATE_AGENCY, { input: { code: 'NOPE-AGENCY', name: 'X', kind: 'MITRA' } }],
      ['updateAgency', UPDATE_AGENCY, { id: randomUUID(), input: { name: 'X' } }],
      [
        'createUnit',
        CREATE_UNIT,
        {
          input: { agencyId: randomUUID(), code: 'NOPE-UNIT', name: 'X', timeZone: 'Asia/Jakarta' },
        },
      ],
      ['updateUnit', UPDATE_UNIT, { id: randomUUID(), input: { name: 'X' } }],
      [
        'createOfficer',
        CREATE_OFFICER,
        {
          input: {
            username: 'nope.officer',
            displayName: 'X',
            roles: ['ADMIN'],
            unitId: randomUUID(),
            password: 'long enough password',
          },
        },
      ],
      ['updateOfficer', UPDATE_OFFICER, { id: randomUUID(), input: { roles: ['ADMIN'] } }],
      ['deactivateOfficer', DEACTIVATE, { id: randomUUID() }],
      ['reactivateOfficer', REACTIVATE, { id: randomUUID() }],
      [
        'resetOfficerPassword',
        RESET_PASSWORD,
        { id: randomUUID(), newPassword: 'long enough password' },
      ],
      ['officers', OFFICERS, {}],
    ];

    it.each(['bp3mi.ntt', 'bp3mi.ntt.kepala', 'auditor', 'polri.ppo'])(
      'answers FORBIDDEN to %s for every administrative operation',
      async (username) => {
        const { accessToken } = await signIn(url, username);
        for (const [name, query, variables] of operations) {
          const result = await graphqlRequest(url, query, variables, { token: accessToken });
          expect([name, errorCode(result)]).toEqual([name, 'FORBIDDEN']);
        }
      },
    );

    it('answers UNAUTHENTICATED without a token', async () => {
      for (const [name, query, variables] of operations) {
        expect([name, errorCode(await graphqlRequest(url, query, variables))]).toEqual([
          name,
          'UNAUTHENTICATED',
        ]);
      }
    });
  });

  it('writes no personal data to the ledger: no usernames, names, passwords or digests of them', async () => {
    const rows: { action: string; payload: unknown }[] = await db.query(
      `SELECT action, payload FROM ledger_entry WHERE action = ANY($1::text[])`,
      [
        [
          'AGENCY_CREATED',
          'AGENCY_UPDATED',
          'UNIT_CREATED',
          'UNIT_UPDATED',
          'OFFICER_CREATED',
          'OFFICER_UPDATED',
          'OFFICER_DEACTIVATED',
          'OFFICER_REACTIVATED',
          'OFFICER_PASSWORD_RESET',
        ],
      ],
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    const ledger = JSON.stringify(rows);
    expect(personal.length).toBeGreaterThanOrEqual(4);
    for (const value of personal) expect(ledger).not.toContain(value);
    expect(ledger).not.toMatch(/scrypt\$/);
    const keys = new Set(rows.flatMap((row) => Object.keys(row.payload as object)));
    expect([...keys].sort()).toEqual(
      expect.arrayContaining(['agencyId', 'code', 'officerId', 'roles', 'unitId']),
    );
    for (const key of keys) {
      expect([
        'agencyId',
        'agencyKind',
        'changed',
        'code',
        'kind',
        'officerId',
        'roles',
        'unitId',
      ]).toContain(key);
    }
  });
});
