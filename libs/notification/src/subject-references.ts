import { Injectable } from '@nestjs/common';
import { unitCodeSql } from '@simpul/agency';
import { TransactionHost } from '@simpul/database';
import { referralReferenceSql } from '@simpul/referral';
import { referenceInPayload } from './notification-audience';

/** The parts of a ledger entry that name its subject. */
export interface SubjectOfEntry {
  seq: string;
  referralId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The codes a notification, an email and a webhook show for a ledger entry: the referral's
 * reference (through the referral lib's fragment, read-only), or the plain code the entry's payload
 * carries (alerts put their reference there), and unit codes. Never a title or a summary.
 */
@Injectable()
export class SubjectReferences {
  constructor(private readonly tx: TransactionHost) {}

  async of(entries: SubjectOfEntry[]): Promise<Map<string, string>> {
    const referralIds = [
      ...new Set(entries.flatMap((entry) => (entry.referralId ? [entry.referralId] : []))),
    ];
    const referrals: { id: string; reference: string | null }[] = referralIds.length
      ? await this.tx.manager.query(
          `SELECT x.id, ${referralReferenceSql('x.id')} AS reference
             FROM unnest($1::uuid[]) AS x(id)`,
          [referralIds],
        )
      : [];
    const byId = new Map(
      referrals.flatMap((referral) =>
        referral.reference === null ? [] : [[referral.id, referral.reference] as const],
      ),
    );
    const references = new Map<string, string>();
    for (const entry of entries) {
      const reference =
        (entry.referralId ? byId.get(entry.referralId) : undefined) ??
        referenceInPayload(entry.payload);
      if (reference) references.set(entry.seq, reference);
    }
    return references;
  }

  async unitCodes(unitIds: string[]): Promise<Map<string, string>> {
    if (unitIds.length === 0) return new Map();
    const units: { id: string; code: string | null }[] = await this.tx.manager.query(
      `SELECT x.id, ${unitCodeSql('x.id')} AS code FROM unnest($1::uuid[]) AS x(id)`,
      [[...new Set(unitIds)]],
    );
    return new Map(
      units.flatMap((unit) => (unit.code === null ? [] : [[unit.id, unit.code] as const])),
    );
  }
}
