import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '@simpul/database';

/** The case_party table: the only code that writes SQL for it. */
@Injectable()
export class CasePartyRepository extends TransactionalRepository {
  /** True when one of these units is a party of the case. */
  async anyIsParty(caseId: string, unitIds: readonly string[]): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM case_party WHERE case_id = $1 AND unit_id = ANY($2::uuid[]) LIMIT 1',
      [caseId, unitIds],
    );
    return rows.length > 0;
  }

  /** Records units as parties (once each), in the running transaction. */
  async add(caseId: string, unitIds: readonly string[]): Promise<void> {
    await this.inTransaction.query(
      `INSERT INTO case_party (case_id, unit_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [caseId, [...new Set(unitIds)]],
    );
  }
}
