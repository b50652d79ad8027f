import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitEntity } from '@simpul/agency';
import { ReferralEntity } from '@simpul/referral';
import { TransactionHost } from '@simpul/database';
import { referenceInPayload } from './notification-audience';

/** The parts of a ledger entry that name its subject. */
export interface SubjectOfEntry {
  seq: string;
  referralId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The codes a notification, an email and a webhook show for a ledger entry: the referral's
 * reference (through the referral lib's entity, read-only), or the plain code the entry's payload
 * carries (alerts put their reference there), and unit codes. Never a title or a summary.
 */
@Injectable()
export class SubjectReferences {
  constructor(private readonly tx: TransactionHost) {}

  async of(entries: SubjectOfEntry[]): Promise<Map<string, string>> {
    const referralIds = [
      ...new Set(entries.flatMap((entry) => (entry.referralId ? [entry.referralId] : []))),
    ];
    const referrals = referralIds.length
      ? await this.tx.manager.find(ReferralEntity, {
          select: { id: true, reference: true },
          where: { id: In(referralIds) },
        })
      : [];
    const byId = new Map(referrals.map((referral) => [referral.id, referral.reference]));
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
    const units = await this.tx.manager.find(UnitEntity, {
      select: { id: true, code: true },
      where: { id: In([...new Set(unitIds)]) },
    });
    return new Map(units.map((unit) => [unit.id, unit.code]));
  }
}
