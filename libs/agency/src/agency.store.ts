import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
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
 * the agency lib owns its table's SQL. Every method runs in the caller's transaction (the
 * TransactionHost's), so the change commits or rolls back with the caller's ledger entry.
 */
@Injectable()
export class AgencyStore {
  constructor(private readonly tx: TransactionHost) {}

  /** The new agency, or null when its code is already taken (nothing written). */
  async insert(agency: NewAgency): Promise<AgencyEntity | null> {
    const [row]: { id: string }[] = await this.tx.manager.query(
      `INSERT INTO agency (code, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [agency.code, agency.name, agency.kind],
    );
    return row ? this.tx.manager.findOneByOrFail(AgencyEntity, { id: row.id }) : null;
  }

  /**
   * The agency, locked until the transaction ends: `share` while something is created under it
   * (it cannot change or disappear meanwhile), `update` to change it.
   */
  lock(id: string, mode: 'share' | 'update'): Promise<AgencyEntity | null> {
    return this.tx.manager.findOne(AgencyEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  async update(id: string, changes: AgencyChanges): Promise<void> {
    await this.tx.manager.update(AgencyEntity, { id }, changes);
  }
}
