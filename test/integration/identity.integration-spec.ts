import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { seedReferenceData } from '@simpul/agency';
import { DomainError, ErrorCode } from '@simpul/common';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import {
  DEMO_CAST,
  IdentityModule,
  LoginUseCase,
  PasswordHasher,
  type Role,
  TokenService,
  seedDemoCast,
} from '@simpul/identity';

const DEMO_PASSWORD = 'simpul-demo';

async function errorOf(pending: Promise<unknown>): Promise<DomainError> {
  const error = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('identity: seeding, login and token verification', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let login: LoginUseCase;
  let tokens: TokenService;

  const count = async (table: 'agency' | 'unit' | 'officer') =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, IdentityModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    login = moduleRef.get(LoginUseCase);
    tokens = moduleRef.get(TokenService);
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedDemoCast(manager, DEMO_PASSWORD);
    });
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('seeds reference data and the demo cast idempotently', async () => {
    const before = {
      agency: await count('agency'),
      unit: await count('unit'),
      officer: await count('officer'),
    };
    const hashesBefore = await dataSource.query(
      'SELECT username, password_hash FROM officer ORDER BY username',
    );
    const inserted = await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      return seedDemoCast(manager, DEMO_PASSWORD);
    });
    expect(inserted).toBe(0);
    expect({
      agency: await count('agency'),
      unit: await count('unit'),
      officer: await count('officer'),
    }).toEqual(before);
    // Existing officers are not re-hashed on every start.
    expect(
      await dataSource.query('SELECT username, password_hash FROM officer ORDER BY username'),
    ).toEqual(hashesBefore);
  });

  it('places every demo officer in the unit and roles docs/architecture.md lists', async () => {
    const rows: { username: string; code: string; roles: Role[] }[] = await dataSource.query(
      `SELECT o.username, u.code, o.roles FROM officer o JOIN unit u ON u.id = o.unit_id
        WHERE o.username = ANY($1::text[])`,
      [DEMO_CAST.map((o) => o.username)],
    );
    expect(rows).toHaveLength(14);
    for (const officer of DEMO_CAST) {
      expect(rows.find((r) => r.username === officer.username)).toEqual({
        username: officer.username,
        code: officer.unitCode,
        roles: officer.roles,
      });
    }
  });

  it('lets every demo officer log in and verifies the token back to its Actor', async () => {
    for (const { username, unitCode, roles } of DEMO_CAST) {
      const result = await login.login(username, DEMO_PASSWORD);
      expect(result.officer.username).toBe(username);
      expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect(result.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const actor = await tokens.verify(result.accessToken);
      const [unit]: { id: string; agency_id: string }[] = await dataSource.query(
        'SELECT id, agency_id FROM unit WHERE code = $1',
        [unitCode],
      );
      expect(actor).toEqual({
        officerId: result.officer.id,
        username,
        unitId: unit.id,
        agencyId: unit.agency_id,
        roles,
      });
    }
  });

  it('answers a wrong password and an unknown user with the same UNAUTHENTICATED error', async () => {
    const wrongPassword = await errorOf(login.login('bp3mi.ntt', 'not-the-password'));
    const unknownUser = await errorOf(login.login('nobody.here', DEMO_PASSWORD));
    expect(wrongPassword.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(unknownUser.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(wrongPassword.message).toBe('Invalid username or password');
    expect(unknownUser.message).toBe(wrongPassword.message);
    expect(unknownUser.details).toEqual(wrongPassword.details);
  });

  describe('a deactivated officer', () => {
    // A dedicated officer: the demo cast must stay usable for the other test files.
    const username = `test.deactivated.${randomUUID().slice(0, 8)}`;
    let officerId: string;

    beforeAll(async () => {
      const hash = await moduleRef.get(PasswordHasher).hash(DEMO_PASSWORD);
      const [row]: { id: string }[] = await dataSource.query(
        `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
         SELECT $1, 'Test Officer', $2, ARRAY['DESK_OFFICER'], id FROM unit WHERE code = 'BP3MI-NTT'
         RETURNING id`,
        [username, hash],
      );
      officerId = row.id;
    });

    it('loses its existing token at once and can no longer log in', async () => {
      const { accessToken } = await login.login(username, DEMO_PASSWORD);
      await expect(tokens.verify(accessToken)).resolves.toMatchObject({ officerId });

      await dataSource.query('UPDATE officer SET active = false WHERE id = $1', [officerId]);

      expect((await errorOf(tokens.verify(accessToken))).code).toBe(ErrorCode.UNAUTHENTICATED);
      const refused = await errorOf(login.login(username, DEMO_PASSWORD));
      expect(refused.code).toBe(ErrorCode.UNAUTHENTICATED);
      expect(refused.message).toBe('Invalid username or password');
    });
  });
});
