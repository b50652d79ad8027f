import { HandoffAction } from '@simpul/ledger';

/** Which unit of a ledger entry is told: the one that sent / raised, or the one it went to. */
export type NotifiedSide = 'fromUnit' | 'toUnit';

/**
 * Who in that unit: every caseworker (desk officers, supervisors, investigators), or its
 * SUPERVISORs — and, should the unit have none, every caseworker, so that nothing goes unheard.
 */
export type NotifiedOfficers = 'caseworkers' | 'supervisors';

/** When an email goes out as well as the in-app notification (README, "Notifications…"). */
export type EmailRule = 'never' | 'always' | 'when-critical';

export interface NotificationRule {
  tell: NotifiedSide;
  officers: NotifiedOfficers;
  email: EmailRule;
  /** Done by the system (delivery, escalation), not by an officer of the other side. */
  bySystem: boolean;
}

const rule = (
  tell: NotifiedSide,
  officers: NotifiedOfficers = 'caseworkers',
  email: EmailRule = 'never',
): NotificationRule => ({ tell, officers, email, bySystem: false });
const bySystem = (
  tell: NotifiedSide,
  officers: NotifiedOfficers = 'caseworkers',
  email: EmailRule = 'never',
): NotificationRule => ({ tell, officers, email, bySystem: true });

/**
 * Action → who is told. Derived from sealed ledger entries only, so a context that writes these
 * actions (referrals today; alerts and escalation as they land) is notified without this lib
 * knowing its code. An action not listed tells nobody: administration, case intake and the
 * receiving side's own steps (acknowledge, start) are things the other side reads in the timeline.
 *
 * - A referral's arrival tells the receiving unit once, when it is in the inbox (DELIVERED, not
 *   SENT: a notification must never lead to an inbox that does not show the referral yet).
 * - The receiver's decisions tell the sender; the sender's cancellation tells the receiver.
 * - An alert's delivery tells each receiving unit (one entry per unit, toUnit = the receiver);
 *   its acknowledgement tells the raising unit. A CRITICAL alert is emailed as well.
 * - An escalation tells the escalation target (toUnit) — its SUPERVISORs — and is emailed: it exists
 *   because nobody answered in the console. (Not a confidential referral's escalation beyond the
 *   receiving unit's agency: HiddenEscalations, which reads the referral, drops those first.)
 * - A ping-pong case (libs/insight) tells the province's Gugus Tugas (toUnit) — its SUPERVISORs,
 *   who coordinate: the case's referrals keep bouncing between units.
 */
export const NOTIFICATION_RULES: Readonly<Partial<Record<HandoffAction, NotificationRule>>> = {
  [HandoffAction.REFERRAL_DELIVERED]: bySystem('toUnit'),
  [HandoffAction.REFERRAL_ACCEPTED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_REJECTED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_REDIRECTED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_HELD]: rule('fromUnit'),
  [HandoffAction.REFERRAL_RESUMED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_COMPLETED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_FAILED]: rule('fromUnit'),
  [HandoffAction.REFERRAL_CANCELLED]: rule('toUnit'),
  [HandoffAction.REFERRAL_ESCALATED]: bySystem('toUnit', 'supervisors', 'always'),
  [HandoffAction.ALERT_DELIVERED]: bySystem('toUnit', 'caseworkers', 'when-critical'),
  // The entry goes from the acknowledging unit to the raising unit (toUnit), which is told.
  [HandoffAction.ALERT_ACKNOWLEDGED]: rule('toUnit'),
  [HandoffAction.ALERT_ESCALATED]: bySystem('toUnit', 'supervisors', 'always'),
  [HandoffAction.CASE_PING_PONG]: bySystem('toUnit', 'supervisors'),
};

/** The parts of a sealed ledger entry the rules look at. */
export interface NotifiableEntry {
  seq: string;
  action: HandoffAction;
  fromUnitId: string | null;
  toUnitId: string | null;
  payload: Record<string, unknown>;
}

/** One unit to tell about one entry. */
export interface NotificationTarget {
  seq: string;
  unitId: string;
  officers: NotifiedOfficers;
  email: boolean;
}

/**
 * The unit to tell about an entry, or null. An officer's step whose two sides are one unit (a
 * unit that referred to itself) tells nobody: an officer is not notified of what its own unit
 * just did. Steps of the system tell their unit whatever the other side is.
 */
export function notificationTargetOf(entry: NotifiableEntry): NotificationTarget | null {
  const found = NOTIFICATION_RULES[entry.action];
  if (!found) return null;
  const unitId = found.tell === 'fromUnit' ? entry.fromUnitId : entry.toUnitId;
  if (!unitId) return null;
  const other = found.tell === 'fromUnit' ? entry.toUnitId : entry.fromUnitId;
  if (!found.bySystem && other === unitId) return null;
  const email =
    found.email === 'always' || (found.email === 'when-critical' && isCritical(entry.payload));
  return { seq: entry.seq, unitId, officers: found.officers, email };
}

/** An alert entry's severity travels in its payload as a code (`severity: 'CRITICAL'`). */
function isCritical(payload: Record<string, unknown>): boolean {
  return payload.severity === 'CRITICAL';
}

/** The escalation level an entry records (`level` in its payload), if it records one. */
export function escalationLevelOf(payload: Record<string, unknown>): number | null {
  const level = payload.level ?? payload.escalationLevel;
  return typeof level === 'number' && Number.isInteger(level) && level >= 0 ? level : null;
}

/** The reference an entry's payload names (alerts carry theirs), if it is a plain code. */
export function referenceInPayload(payload: Record<string, unknown>): string | null {
  const reference = payload.reference;
  return typeof reference === 'string' && /^[A-Z0-9][A-Z0-9/-]{1,63}$/.test(reference)
    ? reference
    : null;
}
