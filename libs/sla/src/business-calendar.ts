import { timeZoneOf, type DeskZone } from './desk-clock';
import {
  HOLIDAY_DATA_GAPS,
  holidayDates,
  holidayYearStatus,
  type HolidayDataGap,
  type HolidayDataGaps,
  type HolidayYear,
} from './holidays';
import {
  addDays,
  assertTimeZone,
  dayOfWeek,
  formatLocalDate,
  fromLocalDateTime,
  parseLocalDate,
  toLocalDateTime,
  type LocalDate,
} from './zoned-time';

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface BusinessCalendarOptions {
  /**
   * Local dates (YYYY-MM-DD) that are not business days: national holidays and cuti bersama
   * (DEFAULT_BUSINESS_CALENDAR loads every year file of ./holidays; merge more with `withHolidays`).
   */
  holidays?: Iterable<string>;
  /**
   * Days that are never business days; Saturday and Sunday unless given. A desk with a weekend of
   * its own (a mission: DeskClock) brings it to each computation instead.
   */
  weekendDays?: Iterable<Weekday>;
  /**
   * Where to report a date judged in a year without official holiday data. `years` says how each
   * year of `holidays` is covered; a year it does not list has no data (only its weekends are
   * skipped). Without it (test calendars) nothing is reported.
   */
  coverage?: HolidayCoverage;
}

/** The years a calendar has holiday data for, and where it reports the others. */
export interface HolidayCoverage {
  years: ReadonlyMap<number, HolidayYear['status']>;
  gaps: HolidayDataGaps;
}

/**
 * Which local dates are business days, and "N business days later" in a time zone.
 *
 * "N business days" is the same local clock time on the N-th business day after the day the
 * clock starts, in the receiving unit's zone (docs/architecture.md). When the referral is sent on
 * a weekend day or holiday, the clock starts at 00:00 of the next business day: sent Saturday
 * 15:00 with 1 business day → Tuesday 00:00, i.e. the whole of Monday. This is the only rule under
 * which a referral sent later never gets an earlier deadline (Friday 23:59 → Monday 23:59,
 * Saturday 00:00 → Tuesday 00:00, Monday 00:00 → Tuesday 00:00) and under which the receiving
 * desk always gets N full business days. Counting from "Monday at the sending clock time" would
 * give a referral sent Sunday 23:59 a later deadline than one sent Monday 00:00.
 *
 * Every computation takes the desk (`DeskZone`): a bare zone counts on this calendar's weekend, a
 * DeskClock on the desk's own (its country's, desk-clock.ts) with this calendar's holidays.
 */
export class BusinessCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly weekendDays: ReadonlySet<number>;
  /** This calendar's holidays on other weekends, one per weekend (see `onWeekend`). */
  private readonly otherWeekends = new Map<string, BusinessCalendar>();
  private readonly coverage: HolidayCoverage | undefined;
  /** The gaps met by the computation under way (reported once each when it ends). */
  private gapsMet: Map<number, HolidayDataGap['coverage']> | null = null;

  constructor(options: BusinessCalendarOptions = {}) {
    this.holidays = new Set(
      [...(options.holidays ?? [])].map((date) => formatLocalDate(parseLocalDate(date))),
    );
    this.weekendDays = new Set(options.weekendDays ?? [6, 0]);
    this.coverage = options.coverage;
    for (const day of this.weekendDays) {
      if (!Number.isInteger(day) || day < 0 || day > 6) {
        throw new RangeError(`weekendDays: ${day} is not a weekday number 0–6`);
      }
    }
    if (this.weekendDays.size === 7) throw new RangeError('weekendDays: no business day left');
  }

  /** A calendar with these holidays added to this one's (e.g. next year's file). */
  withHolidays(holidays: Iterable<string>): BusinessCalendar {
    return new BusinessCalendar({
      holidays: [...this.holidays, ...holidays],
      weekendDays: [...this.weekendDays] as Weekday[],
      coverage: this.coverage,
    });
  }

  /** This calendar's holidays with another weekend (a mission's); the same object when equal. */
  onWeekend(weekendDays: Iterable<Weekday>): BusinessCalendar {
    const days = [...new Set(weekendDays)].sort();
    const key = days.join(',');
    if (key === [...this.weekendDays].sort().join(',')) return this;
    let calendar = this.otherWeekends.get(key);
    if (!calendar) {
      calendar = new BusinessCalendar({
        holidays: this.holidays,
        weekendDays: days,
        coverage: this.coverage,
      });
      this.otherWeekends.set(key, calendar);
    }
    return calendar;
  }

  /** The calendar a desk counts on (its weekend, these holidays) and its zone. */
  forDesk(desk: DeskZone): { calendar: BusinessCalendar; timeZone: string } {
    const timeZone = timeZoneOf(desk);
    assertTimeZone(timeZone);
    return {
      calendar: typeof desk === 'string' ? this : this.onWeekend(desk.weekendDays),
      timeZone,
    };
  }

  /** Whether a local date (YYYY-MM-DD) is a business day. */
  isBusinessDay(localDate: string): boolean {
    return this.reportingGaps(() => this.isBusinessDate(parseLocalDate(localDate)));
  }

  /**
   * The instant `days` business days after `from`, by the rule in the class comment, for a desk
   * in `desk` (a zone, or a DeskClock with its own weekend).
   */
  addBusinessDays(from: Date, days: number, desk: DeskZone): Date {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`business days must be a whole number ≥ 0 (got ${days})`);
    }
    const { calendar, timeZone } = this.forDesk(desk);
    if (calendar !== this) return calendar.addBusinessDays(from, days, timeZone);
    return this.reportingGaps(() => this.addBusinessDaysHere(from, days, timeZone));
  }

  private addBusinessDaysHere(from: Date, days: number, timeZone: string): Date {
    const local = toLocalDateTime(from, timeZone);
    let date: LocalDate = local;
    let clock = local;
    if (!this.isBusinessDate(date)) {
      date = this.nextBusinessDate(date);
      clock = { ...date, hour: 0, minute: 0, second: 0, millisecond: 0 };
      if (days === 0) return fromLocalDateTime(clock, timeZone);
    } else if (days === 0) {
      return from;
    }
    for (let counted = 0; counted < days; counted++) date = this.nextBusinessDate(date);
    return fromLocalDateTime({ ...clock, ...pickDate(date) }, timeZone);
  }

  /**
   * The time between `from` and `to` that falls on business days (whole local days of the zone):
   * what a paused deadline clock owes a desk. Fri 10:00 → Mon 10:00 is 24 hours, the weekend
   * counts for nothing.
   */
  businessMsBetween(from: Date, to: Date, desk: DeskZone): number {
    const { calendar, timeZone } = this.forDesk(desk);
    if (calendar !== this) return calendar.businessMsBetween(from, to, timeZone);
    return this.reportingGaps(() => this.businessMsBetweenHere(from, to, timeZone));
  }

  private businessMsBetweenHere(from: Date, to: Date, timeZone: string): number {
    let total = 0;
    let cursor = from.getTime();
    const end = to.getTime();
    while (cursor < end) {
      const { date, nextDayStart } = this.dayAt(new Date(cursor), timeZone);
      const until = Math.min(end, nextDayStart);
      if (this.isBusinessDate(date)) total += until - cursor;
      cursor = until;
    }
    return total;
  }

  /**
   * The instant `ms` of business time after `from`: time on weekends and holidays does not count,
   * so a deadline moved by it stays on a business day (a result at the very end of a business day
   * is the start of the next one).
   */
  addBusinessMs(from: Date, ms: number, desk: DeskZone): Date {
    if (!(ms >= 0)) throw new RangeError(`business time must be ≥ 0 (got ${ms})`);
    const { calendar, timeZone } = this.forDesk(desk);
    if (calendar !== this) return calendar.addBusinessMs(from, ms, timeZone);
    return this.reportingGaps(() => this.addBusinessMsHere(from, ms, timeZone));
  }

  private addBusinessMsHere(from: Date, ms: number, timeZone: string): Date {
    let left = ms;
    let cursor = from.getTime();
    for (;;) {
      const { date, nextDayStart } = this.dayAt(new Date(cursor), timeZone);
      if (this.isBusinessDate(date)) {
        if (left < nextDayStart - cursor) return new Date(cursor + left);
        left -= nextDayStart - cursor;
      }
      cursor = nextDayStart;
    }
  }

  /** The local date of `instant` and the instant its next local day starts. */
  private dayAt(instant: Date, timeZone: string): { date: LocalDate; nextDayStart: number } {
    const date = pickDate(toLocalDateTime(instant, timeZone));
    const next = addDays(date, 1);
    const nextDayStart = fromLocalDateTime(
      { ...next, hour: 0, minute: 0, second: 0, millisecond: 0 },
      timeZone,
    ).getTime();
    return { date, nextDayStart };
  }

  /**
   * Runs one computation and then reports each year without official holiday data it judged a
   * date of, once: a deadline past the data is still computed (on weekends alone), but visibly.
   */
  private reportingGaps<T>(compute: () => T): T {
    if (!this.coverage || this.gapsMet) return compute();
    this.gapsMet = new Map();
    try {
      return compute();
    } finally {
      const met = this.gapsMet;
      this.gapsMet = null;
      for (const [year, coverage] of met) this.coverage.gaps.report({ year, coverage });
    }
  }

  private isBusinessDate(date: LocalDate): boolean {
    if (this.gapsMet && this.coverage) {
      const status = this.coverage.years.get(date.year);
      if (status !== 'official') this.gapsMet.set(date.year, status ?? 'none');
    }
    return !this.weekendDays.has(dayOfWeek(date)) && !this.holidays.has(formatLocalDate(date));
  }

  /** The first business date strictly after `date`; finite because holidays are finite. */
  private nextBusinessDate(date: LocalDate): LocalDate {
    let next = addDays(date, 1);
    while (!this.isBusinessDate(next)) next = addDays(next, 1);
    return next;
  }
}

function pickDate({ year, month, day }: LocalDate): LocalDate {
  return { year, month, day };
}

/** Saturdays and Sundays off, no holidays (tests of the weekday arithmetic alone). */
export const WEEKENDS_ONLY_CALENDAR = new BusinessCalendar();

/**
 * The calendar of every deadline: Indonesia's national holidays and cuti bersama of every year
 * file in ./holidays, on a Saturday–Sunday weekend. A date of a provisional year, or of a year with
 * no file, is reported to HOLIDAY_DATA_GAPS (the processes log and count it). Indonesian missions abroad keep Indonesia's
 * holidays too, on their host country's weekend (a DeskClock, ./weekends); the dates are local
 * dates in the receiving unit's own zone.
 */
export const DEFAULT_BUSINESS_CALENDAR = new BusinessCalendar({
  holidays: holidayDates(),
  coverage: { years: holidayYearStatus(), gaps: HOLIDAY_DATA_GAPS },
});
