import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalRepository } from '@simpul/database';
import type { AgencyKind } from './agency-kind';
import { AgencyEntity } from './entities/agency.entity';

export interface NewAgency {
  code: string;
  name: string;
  kind: AgencyKind;
}

export type AgencyChanges = Partial<Pick<AgencyEntity, 'name' | 'kind'>>;

/** The agency table: the only code that writes SQL for it. */
@Injectable()
export class AgencyRepository extends TransactionalRepository {
  byId(id: string): Promise<AgencyEntity | null> {
    return this.db.findOneBy(AgencyEntity, { id });
  }

  byIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return this.db.findBy(AgencyEntity, { id: In([...ids]) });
  }

  byCode(code: string): Promise<AgencyEntity | null> {
    return this.db.findOneBy(AgencyEntity, { code });
  }

  list(): Promise<AgencyEntity[]> {
    return this.db.find(AgencyEntity, { order: { code: 'ASC' } });
  }

  /** The row locked for this transaction: `share` keeps it from changing, `update` to change it. */
  lock(id: string, mode: 'share' | 'update'): Promise<AgencyEntity | null> {
    return this.inTransaction.findOne(AgencyEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  /** The new agency, or null when the code is taken (checked by the unique index, race-free). */
  async insert(agency: NewAgency): Promise<AgencyEntity | null> {
    const [row]: { id: string }[] = await this.inTransaction.query(
      `INSERT INTO agency (code, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [agency.code, agency.name, agency.kind],
    );
    return row ? this.inTransaction.findOneByOrFail(AgencyEntity, { id: row.id }) : null;
  }

  async update(id: string, changes: AgencyChanges): Promise<void> {
    await this.inTransaction.update(AgencyEntity, { id }, changes);
  }
}
