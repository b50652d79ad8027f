import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface UnitHoldingRow {
  referralId: string;
  /** The referral's status after the last entry sealed at or before the time asked. */
  status: string;
  /** When the referral reached the unit: its REFERRAL_SENT entry. */
  since: Date;
  /** The last entry that decided the status, as a decimal string. */
  lastSeq: string;
  lastAction: string;
}

/** Statuses in which a referral is still the receiving unit's to hold (not closed). */
export const HELD_STATUSES = ['REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

/**
 * unitHoldings: which referrals a unit held at a time, replayed from the ledger — not the referral
 * table, whose rows hold only the present. Every status change of a referral is one sealed entry
 * addressed to its receiving unit whose payload names the new status (REFERRAL_SENT:
 * REQUESTED); a referral's receiver never changes (a redirect makes a new referral). So the
 * unit's holdings at T are its referrals whose last such entry sealed at or before T leaves them
 * open. One indexed pass over the unit's entries (ledger_entry_to_unit_idx).
 */
@Injectable()
export class UnitHoldingsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async at(unitId: string, at: Date): Promise<UnitHoldingRow[]> {
    const rows: {
      referral_id: string;
      status: string;
      since: Date;
      seq: string;
      action: string;
    }[] = await this.dataSource.query(
      `SELECT * FROM (
           SELECT DISTINCT ON (referral_id) referral_id, payload->>'status' AS status, action,
                  seq::text AS seq, min(at) OVER (PARTITION BY referral_id) AS since
             FROM ledger_entry
            WHERE to_unit_id = $1 AND referral_id IS NOT NULL AND seq IS NOT NULL AND at <= $2
              AND payload ? 'status'
            ORDER BY referral_id, seq DESC
         ) last WHERE status = ANY($3::text[])
         ORDER BY since, seq`,
      [unitId, at, HELD_STATUSES],
    );
    return rows.map((row) => ({
      referralId: row.referral_id,
      status: row.status,
      since: row.since,
      lastSeq: row.seq,
      lastAction: row.action,
    }));
  }
}
