import type { HandoffAction, LedgerEntryDraft, LedgerPayload } from '@simpul/ledger';

/**
 * A ledger entry about an alert. Every one names the alert and the units it concerns — `fromUnitId`
 * the unit that acted (the raising unit for the system's deliveries), `toUnitId` the unit it
 * concerns (the receiving unit; the raising unit for a resolve, dismiss or link) — so a consumer
 * (live events, notifications) knows whom to tell. Never the summary: it stays in the alert row;
 * a note goes to handoff_note (only its digest is on the chain). No case_id: a case's timeline is
 * for its parties, and an alert is only for its units (docs/access-model.md); the case an alert
 * is linked to is in the payload.
 */
export function alertEntry(
  action: HandoffAction,
  entry: {
    actorId: string | null;
    fromUnitId: string;
    toUnitId: string | null;
    alertId: string;
    note?: string | null;
    payload: LedgerPayload;
  },
): LedgerEntryDraft {
  return {
    action,
    actorId: entry.actorId,
    fromUnitId: entry.fromUnitId,
    toUnitId: entry.toUnitId,
    caseId: null,
    referralId: null,
    alertId: entry.alertId,
    note: entry.note ?? null,
    payload: entry.payload,
  };
}
