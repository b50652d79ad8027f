/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl.DateTimeFormat, so the sla lib
 * needs no date library. Deadlines are stored as instants; these helpers translate between an
 * instant and what a desk officer's clock and calendar show in the receiving unit's zone.
 */

/** A calendar date as the receiving unit sees it (month 1–12). */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock reading in some time zone. */
export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown IANA time zone '${timeZone}'`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone unless it is a time zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function wallClockAsUtc(local: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  const wall = new Date(time + offsetAt(time, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/**
 * Zone offsets change only on quarter hours of UTC (every tz database transition since the
 * 1970s: offsets are whole quarter hours, and clocks change on the local hour or half hour), so
 * one offset per zone and quarter hour is exact. Cached: a deadline walks many business days,
 * and formatToParts costs microseconds on every send.
 */
const QUARTER_HOUR_MS = 900_000;
const OFFSETS_PER_ZONE = 50_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Jakarta: +7 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map<number, number>()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = measuredOffset(quarter * QUARTER_HOUR_MS, timeZone);
    if (zone.size >= OFFSETS_PER_ZONE) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

/** The offset at an instant, as Intl formats it (whole seconds). */
function measuredOffset(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = wallClockAsUtc({
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
    millisecond: 0,
  });
  return wall - epochMs;
}

/**
 * The instant at which the zone's clocks show `local`. Where a DST change makes that reading
 * happen twice, the earlier instant; where it never happens (clocks jumped over it), the reading
 * moved forward by the length of the jump — the same choices as Temporal's 'compatible' mode.
 */
export function fromLocalDateTime(local: LocalDateTime, timeZone: string): Date {
  const wall = wallClockAsUtc(local);
  // Offsets a day either side bracket any transition near this reading.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const matches = [wall - offsetBefore, wall - offsetAfter]
    .filter((candidate) => offsetAt(candidate, timeZone) === wall - candidate)
    .sort((a, b) => a - b);
  return new Date(matches.length > 0 ? matches[0] : wall - offsetBefore);
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses a strict YYYY-MM-DD that names a real date; throws a RangeError otherwise. */
export function parseLocalDate(text: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? { year: +match[1], month: +match[2], day: +match[3] } : null;
  if (!date || formatLocalDate(addDays(date, 0)) !== text) {
    throw new RangeError(`'${text}' is not a date in the form YYYY-MM-DD`);
  }
  return date;
}

/** The date `days` later (or earlier, when negative); overflows roll into the next month/year. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay counts. */
export function dayOfWeek(date: LocalDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc.getUTCDay();
}
