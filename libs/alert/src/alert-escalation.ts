import type { TimerSpec } from '@simpul/delivery';
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

/** The escalation timer of a newly raised alert, or null for a severity that does not escalate. */
export function alertEscalationTimer(alert: {
  id: string;
  severity: Severity;
  raisedAt: Date;
}): TimerSpec | null {
  const window = ALERT_ACKNOWLEDGE_WINDOW_MS[alert.severity];
  if (window === undefined) return null;
  const dueAt = new Date(alert.raisedAt.getTime() + window);
  return {
    subjectKind: ALERT_TIMER_KIND,
    subjectId: alert.id,
    deadline: ALERT_ACKNOWLEDGE_DEADLINE,
    dueAt,
    step: 1,
    fireAt: dueAt,
  };
}
