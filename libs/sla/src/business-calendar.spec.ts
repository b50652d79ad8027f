import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar';

describe('BusinessCalendar', () => {
  describe('isBusinessDay', () => {
    it.each([
      ['2026-12-11', true], // Friday
      ['2026-12-12', false], // Saturday
      ['2026-12-13', false], // Sunday
      ['2026-12-14', true], // Monday
    ])('by default %s → %s', (date, expected) => {
      expect(DEFAULT_BUSINESS_CALENDAR.isBusinessDay(date)).toBe(expected);
    });

    it('skips injected holidays', () => {
      const calendar = new BusinessCalendar({ holidays: new Set(['2026-12-25']) });
      expect(calendar.isBusinessDay('2026-12-25')).toBe(false);
      expect(calendar.isBusinessDay('2026-12-24')).toBe(true);
    });

    it('merges another year of holidays', () => {
      const calendar = new BusinessCalendar({ holidays: ['2026-12-25'] }).withHolidays([
        '2027-01-01',
      ]);
      expect(calendar.isBusinessDay('2026-12-25')).toBe(false);
      expect(calendar.isBusinessDay('2027-01-01')).toBe(false);
    });

    it('takes a mission’s own weekend', () => {
      const riyadh = new BusinessCalendar({ weekendDays: [5, 6] });
      expect(riyadh.isBusinessDay('2026-12-11')).toBe(false); // Friday
      expect(riyadh.isBusinessDay('2026-12-13')).toBe(true); // Sunday
    });

    it('rejects malformed holidays and impossible weekends', () => {
      expect(() => new BusinessCalendar({ holidays: ['25/12/2026'] })).toThrow(RangeError);
      expect(() => new BusinessCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(
        RangeError,
      );
    });
  });

  describe('addBusinessDays', () => {
    const add = (iso: string, days: number, zone: string, calendar = DEFAULT_BUSINESS_CALENDAR) =>
      calendar.addBusinessDays(new Date(iso), days, zone).toISOString();

    it('keeps the local wall time across a DST change (Berlin, spring)', () => {
      // Fri 10:00 CET → Mon 10:00 CEST: 71 elapsed hours, same clock time.
      expect(add('2026-03-27T10:00:00+01:00', 1, 'Europe/Berlin')).toBe('2026-03-30T08:00:00.000Z');
    });

    it('keeps the local wall time across a DST change (New York, autumn)', () => {
      expect(add('2026-10-30T09:00:00-04:00', 1, 'America/New_York')).toBe(
        '2026-11-02T14:00:00.000Z',
      );
    });

    it('moves a time the clocks skip forward by the jump (Jerusalem, Friday 02:00 → 03:00)', () => {
      expect(add('2026-03-26T02:30:00+02:00', 1, 'Asia/Jerusalem')).toBe(
        '2026-03-27T00:30:00.000Z',
      );
    });

    it('starts the clock at 00:00 of the next business day when sent on a weekend', () => {
      expect(add('2026-12-12T15:00:00+07:00', 1, 'Asia/Jakarta')).toBe('2026-12-14T17:00:00.000Z');
    });

    it('never gives a later-sent referral an earlier deadline around a weekend', () => {
      const sends = [
        '2026-12-11T23:59:00+07:00', // Fri 23:59
        '2026-12-12T00:00:00+07:00', // Sat 00:00
        '2026-12-13T23:59:00+07:00', // Sun 23:59
        '2026-12-14T00:00:00+07:00', // Mon 00:00
        '2026-12-14T00:01:00+07:00', // Mon 00:01
      ];
      const deadlines = sends.map((iso) => new Date(add(iso, 1, 'Asia/Jakarta')).getTime());
      expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
    });

    it('uses a Friday–Saturday weekend where the mission has one', () => {
      const riyadh = new BusinessCalendar({ weekendDays: [5, 6] });
      // Thu 10:00 + 1 → Sun 10:00
      expect(add('2026-12-10T10:00:00+03:00', 1, 'Asia/Riyadh', riyadh)).toBe(
        '2026-12-13T07:00:00.000Z',
      );
    });

    it('returns the start of the clock for 0 days', () => {
      expect(add('2026-12-09T10:00:00+07:00', 0, 'Asia/Jakarta')).toBe('2026-12-09T03:00:00.000Z');
      expect(add('2026-12-12T10:00:00+07:00', 0, 'Asia/Jakarta')).toBe('2026-12-13T17:00:00.000Z');
    });

    it('refuses negative or fractional days', () => {
      expect(() => add('2026-12-09T10:00:00Z', -1, 'Asia/Jakarta')).toThrow(RangeError);
      expect(() => add('2026-12-09T10:00:00Z', 1.5, 'Asia/Jakarta')).toThrow(RangeError);
    });
  });
  describe('business time', () => {
    const jakarta = 'Asia/Jakarta';
    const calendar = new BusinessCalendar({ holidays: ['2026-12-25'] });
    const at = (iso: string) => new Date(iso);
    const HOUR = 3_600_000;

    it('counts only the time on business days', () => {
      // Fri 11 Dec 10:00 → Mon 14 Dec 10:00 WIB: 14 h of Friday, 10 h of Monday.
      expect(
        calendar.businessMsBetween(
          at('2026-12-11T10:00:00+07:00'),
          at('2026-12-14T10:00:00+07:00'),
          jakarta,
        ),
      ).toBe(24 * HOUR);
      // Thu 24 → Sat 26 Dec: Christmas (Fri 25) counts for nothing.
      expect(
        calendar.businessMsBetween(
          at('2026-12-24T12:00:00+07:00'),
          at('2026-12-26T12:00:00+07:00'),
          jakarta,
        ),
      ).toBe(12 * HOUR);
    });

    it('adds business time over weekends and holidays', () => {
      expect(calendar.addBusinessMs(at('2026-12-11T10:00:00+07:00'), 24 * HOUR, jakarta)).toEqual(
        at('2026-12-14T10:00:00+07:00'),
      );
      expect(calendar.addBusinessMs(at('2026-12-24T12:00:00+07:00'), 12 * HOUR, jakarta)).toEqual(
        at('2026-12-28T00:00:00+07:00'), // the end of Thursday is the start of the next business day
      );
      expect(calendar.addBusinessMs(at('2026-12-09T10:00:00+07:00'), 0, jakarta)).toEqual(
        at('2026-12-09T10:00:00+07:00'),
      );
      expect(() => calendar.addBusinessMs(at('2026-12-09T10:00:00Z'), -1, jakarta)).toThrow(
        RangeError,
      );
    });
  });
});
