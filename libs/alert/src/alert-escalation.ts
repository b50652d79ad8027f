import type { TimerSpec } from '@simpul/delivery';
import { escalationSchedule, type EscalationStep } from '@simpul/sla';
import { Severity } from './alert-enums';

const MINUTE = 60_000;

/**
 * How long an alert may stay unacknowledged before it escalates (issue 9: CRITICAL after 15
 * minutes, HIGH after 2 hours). Clock time, not business days: a warning does not wait for Monday.
 * LOW and MEDIUM alerts do not escalate.
 */
export const ALERT_ACKNOWLEDGE_WINDOW_MS: Readonly<Partial<Record<Severity, number>>> = {
  [Severity.CRITICAL]: 15 * MINUTE,
  [Severity.HIGH]: 120 * MINUTE,
};

export const ALERT_TIMER_KIND = 'alert';
export const ALERT_ACKNOWLEDGE_DEADLINE = 'acknowledgeBy';

/**
 * The top of an alert's ladder: one deadline, three steps, one level each (1 the receiving units'
 * supervisors, 2 their agencies' head units, 3 the provinces' Gugus Tugas or GT-PUSAT). A
 * referral's level 4 is for a second missed deadline, which an alert does not have
 * (docs/adr/0011-escalation-ladder.md).
 */
export const ALERT_MAX_ESCALATION_LEVEL = 3;

export interface AlertForEscalation {
  id: string;
  severity: Severity;
  raisedAt: Date;
}

/**
 * The escalation steps of an alert nobody acknowledges: 100 %, 150 % and 200 % of its acknowledge
 * window, in elapsed time (CRITICAL: 15, 22.5 and 30 minutes; HIGH: 2, 3 and 4 hours) — the same
 * schedule as a referral's calendar-hour deadlines. Empty for a severity that does not escalate.
 */
export function alertEscalationSteps(
  alert: Omit<AlertForEscalation, 'id'>,
): (EscalationStep & { dueAt: Date })[] {
  const window = ALERT_ACKNOWLEDGE_WINDOW_MS[alert.severity];
  if (window === undefined) return [];
  const dueAt = new Date(alert.raisedAt.getTime() + window);
  return escalationSchedule(alert.raisedAt, dueAt).map((step) => ({ ...step, dueAt }));
}

/**
 * The timer of step `step` (1–3) of an alert, or null for a severity that does not escalate. Its
 * identity (alert, deadline, due time, step) gives a deterministic job key: arming it again from
 * the raise, the handler or the sweep adds nothing.
 */
export function alertEscalationTimer(
  alert: AlertForEscalation,
  step: number = 1,
): TimerSpec | null {
  const planned = alertEscalationSteps(alert).find((candidate) => candidate.step === step);
  if (!planned) return null;
  return {
    subjectKind: ALERT_TIMER_KIND,
    subjectId: alert.id,
    deadline: ALERT_ACKNOWLEDGE_DEADLINE,
    dueAt: planned.dueAt,
    step: planned.step,
    fireAt: planned.at,
  };
}
