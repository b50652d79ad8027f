import {
  addDays,
  dayOfWeek,
  fromLocalDateTime,
  parseLocalDate,
  toLocalDateTime,
} from './zoned-time';

const at = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe('toLocalDateTime', () => {
  it.each([
    ['Asia/Jakarta', at(2026, 12, 12, 0, 30)],
    ['Asia/Makassar', at(2026, 12, 12, 1, 30)],
    ['Asia/Jayapura', at(2026, 12, 12, 2, 30)],
    ['Asia/Riyadh', at(2026, 12, 11, 20, 30)],
    ['America/New_York', at(2026, 12, 11, 12, 30)],
  ])('reads 2026-12-11T17:30Z on the clocks of %s', (zone, local) => {
    expect(toLocalDateTime(new Date('2026-12-11T17:30:00.250Z'), zone)).toEqual({
      ...local,
      millisecond: 250,
    });
  });
});

describe('toLocalDateTime across offset changes (its offsets are cached per quarter hour)', () => {
  // An oracle of its own: Swedish dates read "2026-03-08 02:30:00".
  const direct = (instant: Date, timeZone: string) => {
    const [year, month, day, hour, minute, second] = instant
      .toLocaleString('sv-SE', { timeZone })
      .split(/[- :]/)
      .map(Number);
    return { year, month, day, hour, minute, second, millisecond: instant.getUTCMilliseconds() };
  };

  it.each([
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute daylight saving change
    'Asia/Kathmandu', // +05:45
    'Asia/Jakarta',
  ])('agrees with Intl minute by minute around the changes of 2026 and 2027 in %s', (zone) => {
    // Every 7 minutes 13 seconds through two years: crosses every transition at odd offsets.
    const start = Date.UTC(2026, 0, 1);
    for (let t = start; t < Date.UTC(2028, 0, 1); t += 433_000 * 37) {
      const instant = new Date(t + (t % 1000));
      expect(toLocalDateTime(instant, zone)).toEqual(direct(instant, zone));
    }
    // And minute by minute through the hours around each change.
    for (const month of [2, 3, 9, 10]) {
      for (let t = Date.UTC(2026, month, 1); t < Date.UTC(2026, month + 1, 1); t += 60_000 * 17) {
        expect(toLocalDateTime(new Date(t), zone)).toEqual(direct(new Date(t), zone));
      }
    }
  });
});

describe('fromLocalDateTime', () => {
  it.each([
    ['Asia/Jayapura', at(2026, 12, 14, 6, 30), '2026-12-13T21:30:00.000Z'],
    ['Europe/Berlin', at(2026, 3, 30, 10), '2026-03-30T08:00:00.000Z'],
    // Clocks skip 02:00–03:00: the reading moves forward by the jump (Temporal 'compatible').
    ['America/New_York', at(2026, 3, 8, 2, 30), '2026-03-08T07:30:00.000Z'],
    // 01:30 happens twice: the earlier one (EDT).
    ['America/New_York', at(2026, 11, 1, 1, 30), '2026-11-01T05:30:00.000Z'],
    // Chile skips midnight (00:00–01:00).
    ['America/Santiago', at(2026, 9, 6, 0, 0), '2026-09-06T04:00:00.000Z'],
  ])('finds the instant %s clocks show %o', (zone, local, iso) => {
    expect(fromLocalDateTime(local, zone).toISOString()).toBe(iso);
  });
});

describe('local dates', () => {
  it('rolls over months, years and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek({ year: 2026, month: 12, day: 12 })).toBe(6);
    expect(dayOfWeek({ year: 2026, month: 12, day: 14 })).toBe(1);
  });

  it.each(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', ''])('rejects %p', (text) => {
    expect(() => parseLocalDate(text)).toThrow(RangeError);
  });
});
