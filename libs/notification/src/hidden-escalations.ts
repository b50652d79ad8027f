import { Injectable } from '@nestjs/common';
import { agencyIdOfUnitSql } from '@simpul/agency';
import { TransactionHost } from '@simpul/database';
import { HandoffAction } from '@simpul/ledger';
import { referralConfidentialSql } from '@simpul/referral';

/** The parts of a REFERRAL_ESCALATED entry that decide whether its target may hear of it. */
export interface EscalationEntry {
  seq: string;
  action: HandoffAction;
  referralId: string | null;
  /** The receiving unit of the referral. */
  fromUnitId: string | null;
  /** The unit the escalation reached: the one told. */
  toUnitId: string | null;
}

/**
 * Escalations whose target must not be told: a confidential referral exists only for those who
 * may see it (docs/access-model.md). Its ladder reaches the receiving unit's SUPERVISORs and its
 * agency's head unit — SUPERVISORs who act for every unit of that agency and see the referral —
 * and, further up, Gugus Tugas units of another agency, which do not: they are told nothing, as
 * their `overdue` list and their live events leave the referral out.
 */
@Injectable()
export class HiddenEscalations {
  constructor(private readonly tx: TransactionHost) {}

  /** The seqs among `entries` of escalations of a confidential referral beyond its agency. */
  async seqsOf(entries: readonly EscalationEntry[]): Promise<Set<string>> {
    const escalations = entries.filter(
      (entry) =>
        entry.action === HandoffAction.REFERRAL_ESCALATED &&
        entry.referralId &&
        entry.fromUnitId &&
        entry.toUnitId,
    );
    if (escalations.length === 0) return new Set();
    const rows: { seq: string }[] = await this.tx.manager.query(
      `SELECT t.seq::text AS seq
         FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::uuid[])
              AS t(seq, referral_id, from_unit_id, to_unit_id)
        WHERE ${referralConfidentialSql('t.referral_id')}
          AND ${agencyIdOfUnitSql('t.to_unit_id')} IS DISTINCT FROM ${agencyIdOfUnitSql('t.from_unit_id')}`,
      [
        escalations.map((entry) => entry.seq),
        escalations.map((entry) => entry.referralId),
        escalations.map((entry) => entry.fromUnitId),
        escalations.map((entry) => entry.toUnitId),
      ],
    );
    return new Set(rows.map((row) => row.seq));
  }
}
