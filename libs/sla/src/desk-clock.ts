import type { Weekday } from './business-calendar';
import { COUNTRY_WEEKENDS } from './weekends/weekends-by-country';

/** Indonesia's weekend, and every country's not listed in ./weekends. */
export const SATURDAY_SUNDAY: readonly Weekday[] = [6, 0];

/**
 * Where a desk works, as far as its business days go: the zone its clocks show and the days of
 * the week it does not work. Both follow from the unit's location — the zone from its province or
 * mission, the weekend from its country (`weekendOf`) — so KBRI Riyadh's 2 business days skip
 * Friday and Saturday, Dit. PWNI's skip Saturday and Sunday.
 */
export interface DeskClock {
  readonly timeZone: string;
  readonly weekendDays: readonly Weekday[];
}

/**
 * What every deadline computation of this lib takes for "the receiving unit": its DeskClock, or a
 * bare IANA zone for a desk on the calendar's own weekend (Saturday–Sunday unless the calendar was
 * made with another) — what a unit inside Indonesia is.
 */
export type DeskZone = string | DeskClock;

const WEEKEND_BY_COUNTRY = new Map(COUNTRY_WEEKENDS.map((c) => [c.countryCode, c.weekendDays]));

/** The weekend of a unit in this country (ISO 3166-1 alpha-2; null: inside Indonesia). */
export function weekendOf(countryCode: string | null | undefined): readonly Weekday[] {
  return (countryCode && WEEKEND_BY_COUNTRY.get(countryCode.toUpperCase())) || SATURDAY_SUNDAY;
}

/** The desk clock of a unit, from its zone and its country (`unit.time_zone`, `country_code`). */
export function deskClock(unit: { timeZone: string; countryCode: string | null }): DeskClock {
  return { timeZone: unit.timeZone, weekendDays: weekendOf(unit.countryCode) };
}

export function timeZoneOf(zone: DeskZone): string {
  return typeof zone === 'string' ? zone : zone.timeZone;
}
