import fc from 'fast-check';
import { DEFAULT_BUSINESS_CALENDAR, WEEKENDS_ONLY_CALENDAR } from './business-calendar';
import { computeDeadlines, DEFAULT_DEADLINE_POLICIES } from './deadline-policy';
import { deskClock, SATURDAY_SUNDAY, weekendOf, type DeskClock } from './desk-clock';
import { escalationSteps } from './escalation-schedule';
import { Priority } from './priority';
import { shiftDeadlinesForHold } from './shift-deadlines-for-hold';
import { COUNTRY_WEEKENDS } from './weekends/weekends-by-country';
import { dayOfWeek, formatLocalDate, toLocalDateTime } from './zoned-time';

/** Fixed offsets (no DST in these zones), so expectations do not rely on Intl. */
const OFFSETS = {
  'Asia/Riyadh': '+03:00',
  'Asia/Brunei': '+08:00',
  'Asia/Dubai': '+04:00',
  'Asia/Jakarta': '+07:00',
} as const;
type Zone = keyof typeof OFFSETS;
const wall = (zone: Zone, local: string) =>
  new Date(`${local.replace(' ', 'T')}:00${OFFSETS[zone]}`);

const RIYADH = deskClock({ timeZone: 'Asia/Riyadh', countryCode: 'SA' });
const BRUNEI = deskClock({ timeZone: 'Asia/Brunei', countryCode: 'BN' });
const DUBAI = deskClock({ timeZone: 'Asia/Dubai', countryCode: 'AE' });
const JAKARTA = deskClock({ timeZone: 'Asia/Jakarta', countryCode: null });

describe('weekendOf', () => {
  it.each([
    ['SA', [5, 6]],
    ['QA', [5, 6]],
    ['KW', [5, 6]],
    ['BH', [5, 6]],
    ['OM', [5, 6]],
    ['JO', [5, 6]],
    ['EG', [5, 6]],
    ['BN', [5, 0]],
    ['AE', [6, 0]],
    ['MY', [6, 0]],
    ['KH', [6, 0]],
    ['sa', [5, 6]],
  ])('a unit in %s rests on %j', (country, days) => {
    expect([...weekendOf(country)].sort()).toEqual([...days].sort());
  });

  it('is Saturday–Sunday inside Indonesia (no country)', () => {
    expect(weekendOf(null)).toBe(SATURDAY_SUNDAY);
    expect(weekendOf(undefined)).toBe(SATURDAY_SUNDAY);
  });
});

describe('the weekend data file', () => {
  it('lists each country once, by its ISO 3166-1 alpha-2 code, with a real weekend', () => {
    const codes = COUNTRY_WEEKENDS.map((c) => c.countryCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const country of COUNTRY_WEEKENDS) {
      expect(country.countryCode).toMatch(/^[A-Z]{2}$/);
      expect(country.weekendDays.length).toBeGreaterThan(0);
      expect(country.weekendDays.length).toBeLessThan(7);
      expect(new Set(country.weekendDays).size).toBe(country.weekendDays.length);
      for (const day of country.weekendDays) expect([0, 1, 2, 3, 4, 5, 6]).toContain(day);
      expect(country.note).not.toBe('');
    }
  });
});

describe('deadlines on the receiving desk’s own week', () => {
  const { URGENT, ROUTINE } = Priority;

  // sent (local) | desk | priority | acknowledgeBy (local) | acceptBy (local)
  it.each([
    // Thursday 10 Dec 2026, 10:00: one business day later is Sunday in Riyadh (Fri–Sat off),
    // Saturday in Bandar Seri Begawan (Friday and Sunday off), Friday in Dubai and Jakarta.
    ['2026-12-10 10:00', 'Asia/Riyadh', RIYADH, URGENT, '2026-12-13 10:00', '2026-12-15 10:00'],
    ['2026-12-10 10:00', 'Asia/Brunei', BRUNEI, URGENT, '2026-12-12 10:00', '2026-12-15 10:00'],
    ['2026-12-10 10:00', 'Asia/Dubai', DUBAI, URGENT, '2026-12-11 10:00', '2026-12-15 10:00'],
    ['2026-12-10 10:00', 'Asia/Jakarta', JAKARTA, URGENT, '2026-12-11 10:00', '2026-12-15 10:00'],
    // Wednesday, ROUTINE (2 / 5 days): Riyadh counts Thursday and Sunday.
    ['2026-12-09 10:00', 'Asia/Riyadh', RIYADH, ROUTINE, '2026-12-13 10:00', '2026-12-16 10:00'],
    ['2026-12-09 10:00', 'Asia/Jakarta', JAKARTA, ROUTINE, '2026-12-11 10:00', '2026-12-16 10:00'],
    // Sent on the desk's weekend: the clock starts at 00:00 of its next business day.
    ['2026-12-11 15:00', 'Asia/Riyadh', RIYADH, URGENT, '2026-12-14 00:00', '2026-12-16 00:00'],
    ['2026-12-13 15:00', 'Asia/Brunei', BRUNEI, URGENT, '2026-12-15 00:00', '2026-12-17 00:00'],
    // Saturday works in Brunei.
    ['2026-12-12 09:00', 'Asia/Brunei', BRUNEI, URGENT, '2026-12-14 09:00', '2026-12-16 09:00'],
  ] as const)('sent %s in %s', (sent, zone, desk, priority, acknowledgeBy, acceptBy) => {
    const deadlines = computeDeadlines(wall(zone, sent), priority, desk, WEEKENDS_ONLY_CALENDAR);
    expect(deadlines).toEqual({
      acknowledgeBy: wall(zone, acknowledgeBy),
      acceptBy: wall(zone, acceptBy),
    });
  });

  it('gives every weekend one calendar of the same holidays', () => {
    const riyadh = DEFAULT_BUSINESS_CALENDAR.onWeekend([6, 5]);
    expect(DEFAULT_BUSINESS_CALENDAR.onWeekend([5, 6])).toBe(riyadh);
    expect(DEFAULT_BUSINESS_CALENDAR.onWeekend([0, 6])).toBe(DEFAULT_BUSINESS_CALENDAR);
    expect(riyadh.isBusinessDay('2026-12-25')).toBe(false); // Christmas, a Friday anyway
    expect(riyadh.isBusinessDay('2026-12-24')).toBe(false); // cuti bersama, a Thursday
    expect(riyadh.isBusinessDay('2026-12-27')).toBe(true); // Sunday
  });

  it('treats a bare zone as a Saturday–Sunday desk, as before', () => {
    const sent = wall('Asia/Riyadh', '2026-12-10 10:00');
    expect(computeDeadlines(sent, URGENT, 'Asia/Riyadh').acknowledgeBy).toEqual(
      wall('Asia/Riyadh', '2026-12-11 10:00'),
    );
  });

  it('keeps Indonesia’s holidays on a mission’s own weekend', () => {
    // Riyadh, Wed 23 Dec 2026 10:00, URGENT: Thu 24 is cuti bersama, Fri 25 Christmas and Sat 26
    // the weekend: one business day later is Sunday 27.
    const sent = wall('Asia/Riyadh', '2026-12-23 10:00');
    expect(computeDeadlines(sent, URGENT, RIYADH).acknowledgeBy).toEqual(
      wall('Asia/Riyadh', '2026-12-27 10:00'),
    );
  });

  it('steps escalation on the desk’s business days', () => {
    const days = { unit: 'businessDays' as const, amount: 1 };
    const steps = (desk: DeskClock) =>
      escalationSteps(
        wall('Asia/Riyadh', '2026-12-09 10:00'),
        wall('Asia/Riyadh', '2026-12-10 10:00'),
        days,
        desk,
        WEEKENDS_ONLY_CALENDAR,
      ).map((step) => step.at);
    expect(steps(RIYADH)).toEqual([
      wall('Asia/Riyadh', '2026-12-10 10:00'),
      wall('Asia/Riyadh', '2026-12-13 10:00'),
      wall('Asia/Riyadh', '2026-12-14 10:00'),
    ]);
    expect(steps({ timeZone: 'Asia/Riyadh', weekendDays: SATURDAY_SUNDAY })).toEqual([
      wall('Asia/Riyadh', '2026-12-10 10:00'),
      wall('Asia/Riyadh', '2026-12-11 10:00'),
      wall('Asia/Riyadh', '2026-12-14 10:00'),
    ]);
  });

  it('counts a hold in the desk’s business time: Thursday to Sunday in Riyadh is one day', () => {
    const held = {
      priority: Priority.ROUTINE,
      heldAt: wall('Asia/Riyadh', '2026-12-10 10:00'),
      acknowledgeBy: wall('Asia/Riyadh', '2026-12-08 10:00'),
      acceptBy: wall('Asia/Riyadh', '2026-12-14 10:00'),
      acknowledgedAt: wall('Asia/Riyadh', '2026-12-07 12:00'),
      acceptedAt: null,
    };
    const resumedAt = wall('Asia/Riyadh', '2026-12-13 10:00');
    expect(shiftDeadlinesForHold(held, resumedAt, RIYADH, WEEKENDS_ONLY_CALENDAR).acceptBy).toEqual(
      wall('Asia/Riyadh', '2026-12-15 10:00'),
    );
  });

  it('never puts a business-day deadline or escalation step on the desk’s weekend or a holiday', () => {
    const desks = [
      JAKARTA,
      ...COUNTRY_WEEKENDS.map((c) => ({ timeZone: 'Asia/Riyadh', weekendDays: c.weekendDays })),
      deskClock({ timeZone: 'Asia/Kuala_Lumpur', countryCode: 'MY' }),
    ];
    const start = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2027-10-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...desks),
        fc.integer({ min: start, max: end }),
        fc.constantFrom(Priority.URGENT, Priority.ROUTINE),
        (desk, sentMs, priority) => {
          const sentAt = new Date(sentMs);
          const deadlines = computeDeadlines(sentAt, priority, desk);
          const policy = DEFAULT_DEADLINE_POLICIES[priority];
          const instants = [
            deadlines.acknowledgeBy,
            deadlines.acceptBy,
            ...escalationSteps(sentAt, deadlines.acceptBy, policy.accept, desk).map((s) => s.at),
          ];
          for (const instant of instants) {
            const local = toLocalDateTime(instant, desk.timeZone);
            expect(desk.weekendDays).not.toContain(dayOfWeek(local));
            const onDesk = DEFAULT_BUSINESS_CALENDAR.onWeekend(desk.weekendDays);
            expect(onDesk.isBusinessDay(formatLocalDate(local))).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
