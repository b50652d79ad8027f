import { DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-calendar';
import type { DeadlineSpan } from './deadline-policy';
import type { DeskZone } from './desk-clock';

/** How far past a missed deadline each escalation step fires, as a share of the deadline's window. */
export const ESCALATION_PERCENTS = [100, 150, 200] as const;

/** The highest escalation level: GT-PUSAT (docs/architecture.md, "Escalation"). */
export const MAX_ESCALATION_LEVEL = 4;

export interface EscalationStep {
  /** 1, 2, 3: the step of this deadline (each step that fires climbs the subject one level). */
  step: 1 | 2 | 3;
  percentOfWindow: (typeof ESCALATION_PERCENTS)[number];
  at: Date;
}

/**
 * When to escalate a missed deadline: at 100%, 150% and 200% of its window, measured in elapsed
 * time from the window's start (sentAt for both deadlines of a referral). For deadlines counted
 * in calendar hours (EMERGENCY referrals, alerts); a step already past fires at once.
 */
export function escalationSchedule(windowStart: Date, dueAt: Date): EscalationStep[] {
  const start = windowStart.getTime();
  const window = dueAt.getTime() - start;
  if (!(window > 0)) throw new RangeError('deadline must be after the start of its window');
  return ESCALATION_PERCENTS.map((percent, index) => ({
    step: (index + 1) as EscalationStep['step'],
    percentOfWindow: percent,
    // Rounded up so that a step never fires before its share of the window has fully elapsed.
    at: new Date(start + Math.ceil((window * percent) / 100)),
  }));
}

/**
 * The escalation steps of a deadline of `span`, due at `dueAt` for a unit at `desk` (its zone,
 * and its weekend when it is a DeskClock).
 *
 * Calendar hours: `escalationSchedule`, measured from the deadline. Business days: 150% and 200% of N business days are
 * counted in business days after the deadline, at the deadline's local clock time — rounded up to
 * a whole business day and at least one business day after the step before — so that no step
 * falls on a weekend or holiday, when nobody is at the desk to be reminded: ROUTINE acknowledge
 * (2 days) steps at 2, 3 and 4 business days after sending, ROUTINE accept (5) at 5, 8 and 10,
 * URGENT acknowledge (1) at 1, 2 and 3.
 */
export function escalationSteps(
  windowStart: Date,
  dueAt: Date,
  span: DeadlineSpan,
  desk: DeskZone,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
): EscalationStep[] {
  if (!(dueAt.getTime() > windowStart.getTime())) {
    throw new RangeError('deadline must be after the start of its window');
  }
  if (span.unit === 'calendarHours') {
    // Counted from the deadline by shares of the span, not of dueAt − windowStart: the same as
    // escalationSchedule for a deadline where it was set, and the same spacing for one a hold
    // moved later (shiftDeadlinesForHold).
    const spanMs = span.amount * 3_600_000;
    return ESCALATION_PERCENTS.map((percent, index) => ({
      step: (index + 1) as EscalationStep['step'],
      percentOfWindow: percent,
      at: new Date(dueAt.getTime() + Math.ceil((spanMs * (percent - 100)) / 100)),
    }));
  }
  let previousExtra = 0;
  return ESCALATION_PERCENTS.map((percent, index) => {
    const share = Math.ceil((span.amount * (percent - 100)) / 100);
    const extra = index === 0 ? 0 : Math.max(share, previousExtra + 1);
    previousExtra = extra;
    return {
      step: (index + 1) as EscalationStep['step'],
      percentOfWindow: percent,
      at: calendar.addBusinessDays(dueAt, extra, desk),
    };
  });
}
