import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';

export interface PingPongRow {
  caseId: string;
  caseReference: string;
  provinceCode: string | null;
  /** Referrals of the case rejected or redirected (each one a REFERRAL_REJECTED/_REDIRECTED entry). */
  bounces: number;
  lastBounceAt: Date;
}

export interface PingPongQuery {
  /** Cases with more bounces than this. */
  threshold: number;
  /** Only cases of this province; null for all. */
  provinceCode: string | null;
  /**
   * Count bounces of confidential referrals too (auditors). Others never learn of those: a count
   * that includes them would tell a task force that a police referral it cannot see exists.
   */
  includeConfidential: boolean;
}

/**
 * Ping-pong: cases passed back and forth — their referrals rejected or redirected more than the
 * threshold — counted from the ledger's committed entries (ledger_entry_bounce_idx), sealed or not.
 */
@Injectable()
export class PingPongReader {
  constructor(private readonly tx: TransactionHost) {}

  async cases(query: PingPongQuery): Promise<PingPongRow[]> {
    const rows: {
      case_id: string;
      reference: string;
      region_code: string | null;
      bounces: number;
      last_bounce_at: Date;
    }[] = await this.tx.manager.query(
      `SELECT le.case_id, c.reference, c.region_code, count(*)::int AS bounces,
              max(coalesce(le.at, le.written_at)) AS last_bounce_at
         FROM ledger_entry le
         JOIN referral r ON r.id = le.referral_id
         JOIN "case" c ON c.id = le.case_id
        WHERE le.action IN ('REFERRAL_REJECTED', 'REFERRAL_REDIRECTED')
          AND ($2::text IS NULL OR left(c.region_code, 2) = $2)
          AND ($3::boolean OR NOT r.confidential)
        GROUP BY le.case_id, c.reference, c.region_code
       HAVING count(*) > $1
        ORDER BY count(*) DESC, max(coalesce(le.at, le.written_at)) DESC, c.reference`,
      [query.threshold, query.provinceCode, query.includeConfidential],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      caseReference: row.reference,
      provinceCode: row.region_code ? row.region_code.slice(0, 2) : null,
      bounces: row.bounces,
      lastBounceAt: row.last_bounce_at,
    }));
  }
}
