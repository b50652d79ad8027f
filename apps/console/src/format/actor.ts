import type { TFunction } from 'i18next';

/** What the hub itself does: no officer acts in these entries. */
const SYSTEM_ACTIONS: ReadonlySet<string> = new Set([
  'REFERRAL_DELIVERED',
  'REFERRAL_ESCALATED',
  'ALERT_DELIVERED',
  'ALERT_ESCALATED',
]);

interface TimelineActor {
  action: string;
  actor?: { displayName: string; unit: { name: string } } | null;
}

/**
 * Who acted in a ledger entry, as the caller may know it. The API leaves the actor out both when
 * the hub acted and when the caller may only know the referral exists (need-to-know); calling the
 * second "system" would tell the auditor something false.
 */
export function actorLabel(t: TFunction, entry: TimelineActor): string {
  if (entry.actor) return `${entry.actor.displayName} (${entry.actor.unit.name})`;
  return SYSTEM_ACTIONS.has(entry.action) ? t('referral.system') : t('referral.actorWithheld');
}
