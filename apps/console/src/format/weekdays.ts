/** The API's names of the days of the week (schema/schema.graphql, enum Weekday). */
export type Weekday =
  'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** Sunday first, as JavaScript counts days (Date#getUTCDay). */
const DAYS: readonly Weekday[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

/** 4 January 2026 was a Sunday: day `i` of that week names weekday `i` in any language. */
const dayName = (day: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + day)),
  );

/**
 * A unit's working days from its weekend, as officers say them: runs of days from the first one
 * after a weekend day — "Senin–Jumat" in Indonesia, "Minggu–Kamis" in Riyadh, "Senin–Kamis, Sabtu"
 * in Brunei (Friday and Sunday off).
 */
export function workingDaysText(weekendDays: readonly Weekday[], language: string): string {
  const off = new Set(weekendDays.map((day) => DAYS.indexOf(day)));
  const working = [0, 1, 2, 3, 4, 5, 6].filter((day) => !off.has(day));
  if (!working.length) return '—';
  // Start the week where a run of working days starts (the day after a day off).
  const start = working.find((day) => off.has((day + 6) % 7)) ?? 1;
  const runs: number[][] = [];
  for (let i = 0; i < 7; i++) {
    const day = (start + i) % 7;
    if (off.has(day)) continue;
    const last = runs.at(-1);
    if (last && (last.at(-1)! + 1) % 7 === day) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length === 1
        ? dayName(run[0], language)
        : `${dayName(run[0], language)}–${dayName(run.at(-1)!, language)}`,
    )
    .join(', ');
}
