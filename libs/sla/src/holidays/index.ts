import { HOLIDAYS_2026 } from './2026';
import { HOLIDAYS_2027 } from './2027';
import type { HolidayYear } from './holiday-year';

export type { HolidayDate, HolidayKind, HolidayYear } from './holiday-year';
export * from './holiday-data-gaps';

/**
 * Every year file of this folder. To add a year, add its file (same shape, its SKB as `source`)
 * and list it here; holidays.spec.ts fails on a year file that is not listed.
 */
export const HOLIDAY_YEARS: readonly HolidayYear[] = [HOLIDAYS_2026, HOLIDAYS_2027];

/** Every non-business date of every year, for the business calendar. */
export function holidayDates(years: readonly HolidayYear[] = HOLIDAY_YEARS): string[] {
  return years.flatMap((year) => year.dates.map((entry) => entry.date));
}

/** How each year with a file is covered: the years a calendar needs to tell a gap from data. */
export function holidayYearStatus(
  years: readonly HolidayYear[] = HOLIDAY_YEARS,
): ReadonlyMap<number, HolidayYear['status']> {
  return new Map(years.map((year) => [year.year, year.status]));
}
