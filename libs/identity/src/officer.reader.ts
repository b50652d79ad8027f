import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { agencyIdOfUnitSql } from '@simpul/agency';
import { TransactionHost } from '@simpul/database';
import type { Actor } from './actor';
import { OfficerEntity } from './entities/officer.entity';
import type { Role } from './role';

/** Read-only access to officers. */
@Injectable()
export class OfficerReader {
  constructor(
    @InjectRepository(OfficerEntity) private readonly officers: Repository<OfficerEntity>,
    private readonly tx: TransactionHost,
  ) {}

  byId(id: string): Promise<OfficerEntity | null> {
    return this.officers.findOneBy({ id });
  }

  /** For DataLoaders: rows in any order, missing ids absent. Includes inactive officers. */
  byIds(ids: readonly string[]): Promise<OfficerEntity[]> {
    return ids.length ? this.officers.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The admin console's list: every officer (inactive ones too), of one unit or all, by username. */
  list(unitId?: string | null): Promise<OfficerEntity[]> {
    return this.officers.find({
      where: unitId ? { unitId } : {},
      order: { username: 'ASC' },
    });
  }

  /** The officer's unit, read in the current transaction if any; null for an unknown officer. */
  async unitIdOf(officerId: string): Promise<string | null> {
    const [row]: { unit_id: string }[] = await this.tx.manager.query(
      'SELECT unit_id FROM officer WHERE id = $1',
      [officerId],
    );
    return row?.unit_id ?? null;
  }

  byUsername(username: string): Promise<OfficerEntity | null> {
    return this.officers.findOneBy({ username });
  }

  /**
   * The Actor of an ACTIVE officer, with its unit's agency; null when the officer does not exist
   * or was deactivated. Read on every token verification, so deactivation takes effect at once.
   */
  async activeActor(officerId: string): Promise<Actor | null> {
    const rows: {
      id: string;
      username: string;
      unit_id: string;
      agency_id: string;
      roles: Role[];
    }[] = await this.officers.query(
      `SELECT o.id, o.username, o.unit_id, ${agencyIdOfUnitSql('o.unit_id')} AS agency_id, o.roles
           FROM officer o
          WHERE o.id = $1 AND o.active`,
      [officerId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      officerId: row.id,
      username: row.username,
      unitId: row.unit_id,
      agencyId: row.agency_id,
      roles: row.roles,
    };
  }
}
