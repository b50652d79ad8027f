import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyKind } from './agency-kind';
import { AgencyEntity } from './entities/agency.entity';

export interface NewAgency {
  code: string;
  name: string;
  kind: AgencyKind;
}

export type AgencyChanges = Partial<Pick<AgencyEntity, 'name' | 'kind'>>;

/**
 * Writes to the agency table, for whoever changes agencies (ADMIN's use cases in libs/admin):
 * the agency lib owns its table's SQL. Every method runs in the caller's transaction (`manager`),
 * so the change commits or rolls back with the caller's ledger entry.
 */
@Injectable()
export class AgencyStore {
  /** The new agency, or null when its code is already taken (nothing written). */
  async insert(manager: EntityManager, agency: NewAgency): Promise<AgencyEntity | null> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO agency (code, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [agency.code, agency.name, agency.kind],
    );
    return row ? manager.findOneByOrFail(AgencyEntity, { id: row.id }) : null;
  }

  /**
   * The agency, locked until the transaction ends: `share` while something is created under it
   * (it cannot change or disappear meanwhile), `update` to change it.
   */
  lock(manager: EntityManager, id: string, mode: 'share' | 'update'): Promise<AgencyEntity | null> {
    return manager.findOne(AgencyEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  async update(manager: EntityManager, id: string, changes: AgencyChanges): Promise<void> {
    await manager.update(AgencyEntity, { id }, changes);
  }
}
