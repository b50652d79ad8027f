import { Injectable } from '@nestjs/common';
import type { CaseReferrals, NamingReferral } from '@simpul/case';
import { TransactionHost } from '@simpul/database';
import { ReferralStatus } from './referral-enums';
import { FINAL_STATUSES } from './referral-state-machine';

/** Statuses in which someone still holds work for the case: every status that is not final. */
export const OPEN_STATUSES: readonly ReferralStatus[] = Object.values(ReferralStatus).filter(
  (status) => !FINAL_STATUSES.includes(status),
);

/**
 * Statuses in which the receiving unit keeps need-to-know of the persons a referral names
 * (docs/architecture.md): while the referral is open, and after it was COMPLETED or FAILED.
 * REJECTED, REDIRECTED and CANCELLED end that receiver's access.
 */
export const NEED_TO_KNOW_STATUSES: readonly ReferralStatus[] = [
  ...OPEN_STATUSES,
  ReferralStatus.COMPLETED,
  ReferralStatus.FAILED,
];

/**
 * The referral lib's side of the case lib's CaseReferrals port (libs/case/src/case-referrals.port.ts):
 * the referral tables and statuses stay here, the case lib only asks.
 */
@Injectable()
export class CaseReferralsAdapter implements CaseReferrals {
  constructor(private readonly tx: TransactionHost) {}

  async countOpen(caseId: string): Promise<number> {
    const [{ open }]: { open: number }[] = await this.tx.manager.query(
      'SELECT count(*)::int AS open FROM referral WHERE case_id = $1 AND status = ANY($2)',
      [caseId, OPEN_STATUSES],
    );
    return open;
  }

  async namingReferrals(caseId: string, unitIds: readonly string[]): Promise<NamingReferral[]> {
    const rows: { person_id: string; referral_id: string }[] = await this.tx.manager.query(
      `SELECT DISTINCT ON (rp.person_id) rp.person_id, r.id AS referral_id
         FROM referral_person rp JOIN referral r ON r.id = rp.referral_id
        WHERE r.case_id = $1 AND r.to_unit_id = ANY($2::uuid[]) AND r.status = ANY($3)
        ORDER BY rp.person_id, r.sent_at DESC`,
      [caseId, unitIds, NEED_TO_KNOW_STATUSES],
    );
    return rows.map((row) => ({ personId: row.person_id, referralId: row.referral_id }));
  }
}
