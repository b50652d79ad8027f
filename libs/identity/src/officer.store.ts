import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
import { OfficerEntity } from './entities/officer.entity';
import type { Role } from './role';

export interface NewOfficer {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  unitId: string;
}

export type OfficerChanges = Partial<
  Pick<OfficerEntity, 'displayName' | 'roles' | 'unitId' | 'active' | 'passwordHash'>
>;

/**
 * Writes to the officer table, for whoever manages officers (ADMIN's use cases in libs/admin):
 * the identity lib owns its table's SQL. Every method runs in the caller's transaction (the
 * TransactionHost's), so the change commits or rolls back with the caller's ledger entry and
 * session revocations.
 */
@Injectable()
export class OfficerStore {
  constructor(private readonly tx: TransactionHost) {}

  /** The new, active officer, or null when the username is already taken (nothing written). */
  async insert(officer: NewOfficer): Promise<OfficerEntity | null> {
    const [row]: { id: string }[] = await this.tx.manager.query(
      `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
       VALUES ($1, $2, $3, $4::text[], $5)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [officer.username, officer.displayName, officer.passwordHash, officer.roles, officer.unitId],
    );
    return row ? this.tx.manager.findOneByOrFail(OfficerEntity, { id: row.id }) : null;
  }

  /** The officer, locked for this transaction's change; null when there is none. */
  lockForUpdate(id: string): Promise<OfficerEntity | null> {
    return this.tx.manager.findOne(OfficerEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async update(id: string, changes: OfficerChanges): Promise<void> {
    await this.tx.manager.update(OfficerEntity, { id }, changes);
  }
}
