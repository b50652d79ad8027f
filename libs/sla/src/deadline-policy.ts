import { DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-calendar';
import { timeZoneOf, type DeskZone } from './desk-clock';
import { Priority } from './priority';
import { assertTimeZone } from './zoned-time';

/** How long a desk has: elapsed calendar hours, or business days in its own zone and calendar. */
export type DeadlineSpan =
  | { readonly unit: 'calendarHours'; readonly amount: number }
  | { readonly unit: 'businessDays'; readonly amount: number };

export interface DeadlinePolicy {
  /** From sending until the receiving desk must acknowledge (REQUESTED → RECEIVED). */
  readonly acknowledge: DeadlineSpan;
  /** From sending until the receiving desk must accept (the handoff). */
  readonly accept: DeadlineSpan;
}

export interface Deadlines {
  acknowledgeBy: Date;
  acceptBy: Date;
}

const hours = (amount: number): DeadlineSpan => ({ unit: 'calendarHours', amount });
const businessDays = (amount: number): DeadlineSpan => ({ unit: 'businessDays', amount });

/** docs/architecture.md "Deadlines (defaults, configurable)". */
export const DEFAULT_DEADLINE_POLICIES: Readonly<Record<Priority, DeadlinePolicy>> = {
  [Priority.EMERGENCY]: { acknowledge: hours(2), accept: hours(24) },
  [Priority.URGENT]: { acknowledge: businessDays(1), accept: businessDays(3) },
  [Priority.ROUTINE]: { acknowledge: businessDays(2), accept: businessDays(5) },
};

const HOUR_MS = 3_600_000;

/** The instant a span ends when it starts at `start` for a unit at `desk` (zone and weekend). */
export function deadlineAfter(
  start: Date,
  span: DeadlineSpan,
  desk: DeskZone,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
): Date {
  switch (span.unit) {
    case 'calendarHours':
      // Calendar hours are elapsed time: the same in every zone, DST or not.
      return new Date(start.getTime() + span.amount * HOUR_MS);
    case 'businessDays':
      return calendar.addBusinessDays(start, span.amount, desk);
  }
}

/**
 * Deadlines of a referral sent at `sentAt` to a unit at `desk`: its IANA zone (e.g. Asia/Jayapura
 * or a mission's Asia/Phnom_Penh) with its weekend (deskClock: a mission in Riyadh rests Friday and
 * Saturday), or a bare zone for a Saturday–Sunday desk. An unknown zone throws even for
 * hour-based priorities, so a misconfigured unit is found on its first referral, not its first
 * routine one.
 */
export function computeDeadlines(
  sentAt: Date,
  priority: Priority,
  desk: DeskZone,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
  policies: Readonly<Record<Priority, DeadlinePolicy>> = DEFAULT_DEADLINE_POLICIES,
): Deadlines {
  if (Number.isNaN(sentAt.getTime())) throw new RangeError('sentAt is not a valid date');
  assertTimeZone(timeZoneOf(desk));
  const policy = policies[priority];
  if (!policy) throw new RangeError(`No deadline policy for priority '${String(priority)}'`);
  return {
    acknowledgeBy: deadlineAfter(sentAt, policy.acknowledge, desk, calendar),
    acceptBy: deadlineAfter(sentAt, policy.accept, desk, calendar),
  };
}
