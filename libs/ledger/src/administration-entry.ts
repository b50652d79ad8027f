import type { HandoffAction } from './handoff-action';
import type { LedgerEntryDraft, LedgerPayload } from './ledger-writer';

/**
 * The ledger entry of an administrative change (agencies, units, officers, routing rules,
 * webhooks): the officer who made it and the payload, and no unit as from/to, so the change
 * appears among no unit's live events. Each context says what its payload may carry.
 */
export function administrationEntry(
  action: HandoffAction,
  actorId: string,
  payload: LedgerPayload,
): LedgerEntryDraft {
  return {
    action,
    actorId,
    fromUnitId: null,
    toUnitId: null,
    caseId: null,
    referralId: null,
    payload,
  };
}
