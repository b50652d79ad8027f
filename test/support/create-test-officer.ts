import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { PasswordHasher, type Role } from '@simpul/identity';
import { dataSourceOf } from './boot-in-process';

export const TEST_OFFICER_PASSWORD = 'a-test-password-of-some-length';

export interface TestOfficer {
  id: string;
  username: string;
  password: string;
}

/**
 * A fresh officer of its own, so that a test may lock, deactivate or re-password it without
 * touching the demo cast the other test files sign in with.
 */
export async function createTestOfficer(
  app: INestApplicationContext,
  unitCode = 'BP3MI-NTT',
  roles: Role[] = ['DESK_OFFICER' as Role],
  password = TEST_OFFICER_PASSWORD,
): Promise<TestOfficer> {
  const username = `test.${randomUUID().slice(0, 12)}`;
  const hash = await app.get(PasswordHasher).hash(password);
  const [row]: { id: string }[] = await dataSourceOf(app).query(
    `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
     SELECT $1, 'Test Officer', $2, $3::text[], id FROM unit WHERE code = $4
     RETURNING id`,
    [username, hash, roles, unitCode],
  );
  if (!row) throw new Error(`no unit ${unitCode}`);
  return { id: row.id, username, password };
}

/**
 * A documentation-range address (RFC 3849) nobody else in the run uses, for X-Forwarded-For. Its
 * /64 is random too: limits count an IPv6 address by its /64.
 */
export function testAddress(): string {
  const hex = randomUUID().replace(/-/g, '');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8, 12)}`;
}
