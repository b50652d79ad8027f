import { forbidden } from '@simpul/common';
import { hasRole, Role, type Actor } from '@simpul/identity';
import {
  administrationEntry,
  type HandoffAction,
  type LedgerEntryDraft,
  type LedgerPayload,
} from '@simpul/ledger';

/**
 * Administration is ADMIN's alone. The resolvers say so with @Roles; the use cases check again,
 * so no other caller (a script, a future resolver) can reach them without the role.
 */
export function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, Role.ADMIN))
    throw forbidden('Only an ADMIN manages agencies, units and officers');
}

/**
 * The ledger entry of an administrative change. Ids, codes, kinds, roles and the NAMES of the
 * changed fields only: never a username, display name, password or digest of a password. No unit
 * is set as from/to, so the change does not appear among any unit's live events.
 */
export function adminEntry(
  action: HandoffAction,
  actor: Actor,
  payload: LedgerPayload,
): LedgerEntryDraft {
  return administrationEntry(action, actor.officerId, payload);
}

/**
 * Absent means unchanged; null is refused for fields that cannot be empty. Returns the field names
 * the input mentions.
 */
export function mentionedFields<T extends object>(
  input: T,
  fields: readonly (keyof T & string)[],
): (keyof T & string)[] {
  return fields.filter((field) => input[field] !== undefined);
}
