import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { formatReference } from '@simpul/common';
import { TransactionalRepository } from '@simpul/database';
import type { CaseStatus } from './case-enums';
import { CaseEntity } from './entities/case.entity';

/** The case table (and its reference sequence): the only code that writes SQL for them. */
@Injectable()
export class CaseRepository extends TransactionalRepository {
  byId(id: string): Promise<CaseEntity | null> {
    return this.db.findOneBy(CaseEntity, { id });
  }

  byIds(ids: readonly string[]): Promise<CaseEntity[]> {
    return this.db.findBy(CaseEntity, { id: In([...ids]) });
  }

  byReference(reference: string): Promise<CaseEntity | null> {
    return this.db.findOneBy(CaseEntity, { reference });
  }

  /** The case locked for update: concurrent writers of one case serialise on it. */
  lockForUpdate(id: string): Promise<CaseEntity> {
    return this.inTransaction
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOneOrFail();
  }

  /**
   * The case's status, share-locked until the transaction ends: a concurrent closeCase (which
   * takes the update lock) waits, or is waited for. Null when there is no such case.
   */
  async statusForShare(id: string): Promise<CaseStatus | null> {
    const [found]: { status: CaseStatus }[] = await this.inTransaction.query(
      'SELECT status FROM "case" WHERE id = $1 FOR SHARE',
      [id],
    );
    return found?.status ?? null;
  }

  /** True when one of these units leads the case. */
  async isLedBy(caseId: string, unitIds: readonly string[]): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM "case" WHERE id = $1 AND lead_unit_id = ANY($2::uuid[])',
      [caseId, unitIds],
    );
    return rows.length > 0;
  }

  /** TPPO-2026-000123: Jakarta year and a sequence (gaps are harmless). */
  async nextReference(at: Date): Promise<string> {
    const [{ n }]: { n: string }[] = await this.db.query(
      "SELECT nextval('case_reference_seq')::text AS n",
    );
    return formatReference('TPPO', n, at);
  }

  async insert(entity: CaseEntity): Promise<void> {
    await this.inTransaction.insert(CaseEntity, entity);
  }

  async close(id: string, closedAt: Date, status: CaseStatus): Promise<void> {
    await this.inTransaction.update(CaseEntity, { id }, { status, closedAt });
  }

  /** Cases, optionally only those these units are party of, for keyset pagination. */
  listQuery(
    partyUnitIds: readonly string[] | null,
    status: CaseStatus[] | null | undefined,
  ): SelectQueryBuilder<CaseEntity> {
    const qb = this.db.createQueryBuilder(CaseEntity, 'c');
    if (partyUnitIds) {
      qb.where('c.id IN (SELECT case_id FROM case_party WHERE unit_id = ANY(:units::uuid[]))', {
        units: partyUnitIds,
      });
    }
    if (status?.length) qb.andWhere('c.status = ANY(:status)', { status });
    return qb;
  }

  async policeNotesSealed(id: string): Promise<string | null> {
    const row = await this.db
      .createQueryBuilder(CaseEntity, 'c')
      .addSelect('c.policeNotesSealed')
      .where('c.id = :id', { id })
      .getOne();
    return row?.policeNotesSealed ?? null;
  }

  async setPoliceNotes(id: string, sealed: string | null): Promise<void> {
    await this.inTransaction.update(CaseEntity, { id }, { policeNotesSealed: sealed });
  }

  /**
   * Police notes sealed under another key than `activeKeyId`, locked (SKIP LOCKED: concurrent
   * rotations take other rows). The key id is the second dot-separated part of a sealed value.
   */
  staleSealedNotes(activeKeyId: string, limit: number): Promise<{ id: string; sealed: string }[]> {
    return this.inTransaction.query(
      `SELECT id, police_notes_sealed AS sealed FROM "case"
        WHERE police_notes_sealed IS NOT NULL AND split_part(police_notes_sealed, '.', 2) <> $1
        LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [activeKeyId, limit],
    );
  }
}
