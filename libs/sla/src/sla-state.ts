import type { SlaReferral } from './sla-referral';

export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  MET = 'MET',
  PAUSED = 'PAUSED',
}

/**
 * The SLA of a referral, computed when read from its timestamps (docs/architecture.md), so no job
 * has to write it. "Past" a deadline means strictly after it: an event at the deadline's exact
 * millisecond is on time, in every row of the table alike.
 */
export function computeSla(referral: SlaReferral, now: Date): SlaState {
  switch (referral.status) {
    case 'REQUESTED':
      return waitingState(referral.sentAt, referral.acknowledgeBy, now);
    case 'RECEIVED':
      return waitingState(referral.sentAt, referral.acceptBy, now);
    case 'ON_HOLD':
      return SlaState.PAUSED;
    case 'ACCEPTED':
    case 'IN_PROGRESS':
    case 'COMPLETED':
    case 'FAILED':
      // acceptedAt is always set in these statuses; `now` only guards against a bad row.
      return onTime(referral.acceptedAt ?? now, referral.acceptBy);
    case 'REJECTED':
    case 'REDIRECTED':
    case 'CANCELLED':
      return onTime(referral.closedAt ?? now, deadlineAtDecision(referral));
  }
}

/** ON_TRACK until 75% of the window has elapsed, AT_RISK from there, BREACHED once past. */
function waitingState(windowStart: Date, dueAt: Date, now: Date): SlaState {
  if (now.getTime() > dueAt.getTime()) return SlaState.BREACHED;
  const window = dueAt.getTime() - windowStart.getTime();
  const elapsed = now.getTime() - windowStart.getTime();
  // Integer comparison: elapsed / window ≥ 3/4 without floating-point rounding at the boundary.
  return 4 * elapsed >= 3 * window ? SlaState.AT_RISK : SlaState.ON_TRACK;
}

function onTime(at: Date, dueAt: Date): SlaState {
  return at.getTime() <= dueAt.getTime() ? SlaState.MET : SlaState.BREACHED;
}

/**
 * A referral rejected, redirected or cancelled before anyone acknowledged it was still inside
 * the acknowledge window; once acknowledged, the accept window was the one running.
 */
function deadlineAtDecision(referral: SlaReferral): Date {
  return referral.acknowledgedAt === null ? referral.acknowledgeBy : referral.acceptBy;
}
