import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalRepository } from '@simpul/database';
import { OfficerEntity } from './entities/officer.entity';
import type { Role } from './role';

export interface NewOfficer {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  unitId: string;
}

export type OfficerChanges = Partial<
  Pick<OfficerEntity, 'displayName' | 'roles' | 'unitId' | 'active' | 'passwordHash'>
>;

/** The officer table: the only code that writes SQL for it. */
@Injectable()
export class OfficerRepository extends TransactionalRepository {
  byId(id: string): Promise<OfficerEntity | null> {
    return this.db.findOneBy(OfficerEntity, { id });
  }

  byIds(ids: readonly string[]): Promise<OfficerEntity[]> {
    return this.db.findBy(OfficerEntity, { id: In([...ids]) });
  }

  byUsername(username: string): Promise<OfficerEntity | null> {
    return this.db.findOneBy(OfficerEntity, { username });
  }

  list(unitId?: string | null): Promise<OfficerEntity[]> {
    return this.db.find(OfficerEntity, {
      where: unitId ? { unitId } : {},
      order: { username: 'ASC' },
    });
  }

  /** The row locked for this transaction's change. */
  lock(id: string): Promise<OfficerEntity | null> {
    return this.inTransaction.findOne(OfficerEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The new officer, or null when the username is taken (the unique index decides, race-free). */
  async insert(officer: NewOfficer): Promise<OfficerEntity | null> {
    const [row]: { id: string }[] = await this.inTransaction.query(
      `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
       VALUES ($1, $2, $3, $4::text[], $5)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [officer.username, officer.displayName, officer.passwordHash, officer.roles, officer.unitId],
    );
    return row ? this.inTransaction.findOneByOrFail(OfficerEntity, { id: row.id }) : null;
  }

  async update(id: string, changes: OfficerChanges): Promise<void> {
    await this.inTransaction.update(OfficerEntity, { id }, changes);
  }
}
