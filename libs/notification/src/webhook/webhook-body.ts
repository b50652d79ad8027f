import type { SealedLedgerEntry } from '@simpul/ledger';
import { escalationLevelOf } from '../notification-audience';

/**
 * The JSON a receiver gets: the event's code, its ledger position and hash (so the receiver can
 * check it against the hub's ledger), ids, unit codes, the reference and a link — never a note,
 * a summary or a person's data. `id` is the delivery's: the same on every retry, so a receiver
 * dedupes on it.
 */
export interface WebhookBody {
  id: string;
  event: string;
  seq: string;
  at: string;
  entryHash: string;
  unit: string;
  fromUnit: string | null;
  toUnit: string | null;
  referralId: string | null;
  alertId: string | null;
  caseId: string | null;
  reference: string | null;
  escalationLevel: number | null;
  link: string;
}

export function webhookBodyOf(
  deliveryId: string,
  entry: SealedLedgerEntry,
  facts: {
    unitCode: string;
    unitCodes: Map<string, string>;
    reference: string | null;
    link: string;
  },
): WebhookBody {
  const codeOf = (id: string | null) => (id ? (facts.unitCodes.get(id) ?? null) : null);
  return {
    id: deliveryId,
    event: entry.action,
    seq: entry.seq,
    at: entry.at.toISOString(),
    entryHash: entry.entryHash,
    unit: facts.unitCode,
    fromUnit: codeOf(entry.fromUnitId),
    toUnit: codeOf(entry.toUnitId),
    referralId: entry.referralId,
    alertId: entry.alertId,
    caseId: entry.caseId,
    reference: facts.reference,
    escalationLevel: escalationLevelOf(entry.payload),
    link: facts.link,
  };
}
