import { DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-calendar';
import { DEFAULT_DEADLINE_POLICIES, type DeadlineSpan, type Deadlines } from './deadline-policy';
import type { DeskZone } from './desk-clock';
import type { Priority } from './priority';
import type { SlaReferral } from './sla-referral';

export type HeldReferral = Pick<
  SlaReferral,
  'acknowledgeBy' | 'acceptBy' | 'acknowledgedAt' | 'acceptedAt'
> & {
  priority: Priority;
  /** When it went ON_HOLD (ReferralEntity.heldAt). */
  heldAt: Date | null;
};

/**
 * The deadlines after resuming from ON_HOLD at `resumedAt`: the clock stopped while on hold, so a
 * deadline still running moves later by the time spent on hold — counted the way the deadline is:
 * a deadline in calendar hours (EMERGENCY) by the elapsed time, a deadline in business days by
 * the business time held in the receiving unit's zone and week (`desk`), and moved by business time
 * too, so it stays on a business day. Held Friday 10:00 to Monday 10:00 moves a Tuesday 10:00
 * deadline to Wednesday 10:00 (one business day, not three calendar days); held Wednesday 10:00
 * to Thursday 10:00 moves a Friday 10:00 deadline to Monday 10:00, never onto the Saturday.
 *
 * A deadline already settled before the hold — acknowledgeBy once acknowledgedAt is set, acceptBy
 * once acceptedAt is set — stays where it is. Moving it would rewrite history: a referral accepted
 * an hour late and then held for two hours would turn from BREACHED into MET. So a referral held
 * after acceptance moves nothing; one held after acknowledging (RECEIVED) moves its acceptBy.
 */
export function shiftDeadlinesForHold(
  referral: HeldReferral,
  resumedAt: Date,
  desk: DeskZone,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
): Deadlines {
  const { heldAt } = referral;
  if (!heldAt) throw new RangeError('referral is not on hold (heldAt is not set)');
  if (!(resumedAt.getTime() >= heldAt.getTime())) {
    throw new RangeError('resumedAt is before heldAt');
  }
  const policy = DEFAULT_DEADLINE_POLICIES[referral.priority];
  const shift = (deadline: Date, span: DeadlineSpan, settledAt: Date | null): Date => {
    if (settledAt) return deadline;
    switch (span.unit) {
      case 'calendarHours':
        return new Date(deadline.getTime() + resumedAt.getTime() - heldAt.getTime());
      case 'businessDays':
        return calendar.addBusinessMs(
          deadline,
          calendar.businessMsBetween(heldAt, resumedAt, desk),
          desk,
        );
    }
  };
  return {
    acknowledgeBy: shift(referral.acknowledgeBy, policy.acknowledge, referral.acknowledgedAt),
    acceptBy: shift(referral.acceptBy, policy.accept, referral.acceptedAt),
  };
}
