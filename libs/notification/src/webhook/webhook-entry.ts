import type { Actor } from '@simpul/identity';
import {
  administrationEntry,
  type HandoffAction,
  type LedgerEntryDraft,
  type LedgerPayload,
} from '@simpul/ledger';

/**
 * The ledger entry of a webhook change: ids, the unit, the URL's origin and the names of the
 * changed fields — never the secret, nor the URL's path and query (which may carry a token).
 * No unit is set as from/to: the change is administration, not an event of the unit.
 */
export function webhookEntry(
  action: HandoffAction,
  actor: Actor,
  payload: LedgerPayload,
): LedgerEntryDraft {
  return administrationEntry(action, actor.officerId, payload);
}
