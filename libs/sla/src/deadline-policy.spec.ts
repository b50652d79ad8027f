import { BusinessCalendar } from './business-calendar';
import { computeDeadlines, DEFAULT_DEADLINE_POLICIES } from './deadline-policy';
import { Priority } from './priority';

/** Fixed UTC offsets of the zones under test (none has DST), so expectations do not rely on Intl. */
const ZONES = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
  'Asia/Phnom_Penh': '+07:00',
  'Asia/Kuala_Lumpur': '+08:00',
  'Asia/Riyadh': '+03:00',
} as const;
type Zone = keyof typeof ZONES;

/** 'YYYY-MM-DD HH:mm' on the clocks of `zone`, as an instant. */
const wall = (zone: Zone, local: string) => new Date(`${local.replace(' ', 'T')}:00${ZONES[zone]}`);

const { EMERGENCY, URGENT, ROUTINE } = Priority;

// sent (local) | priority | acknowledgeBy (local) | acceptBy (local)
const TABLE: [string, string, Priority, string, string][] = [
  ['weekday', '2026-12-09 10:15', EMERGENCY, '2026-12-09 12:15', '2026-12-10 10:15'],
  ['weekday', '2026-12-09 10:15', URGENT, '2026-12-10 10:15', '2026-12-14 10:15'],
  ['weekday', '2026-12-09 10:15', ROUTINE, '2026-12-11 10:15', '2026-12-16 10:15'],
  ['Friday', '2026-12-11 16:45', EMERGENCY, '2026-12-11 18:45', '2026-12-12 16:45'],
  ['Friday', '2026-12-11 16:45', URGENT, '2026-12-14 16:45', '2026-12-16 16:45'],
  ['Friday', '2026-12-11 16:45', ROUTINE, '2026-12-15 16:45', '2026-12-18 16:45'],
  // Saturday 01:00 local is still Friday in UTC in every zone here.
  ['Saturday', '2026-12-12 01:00', EMERGENCY, '2026-12-12 03:00', '2026-12-13 01:00'],
  ['Saturday', '2026-12-12 01:00', URGENT, '2026-12-15 00:00', '2026-12-17 00:00'],
  ['Saturday', '2026-12-12 01:00', ROUTINE, '2026-12-16 00:00', '2026-12-21 00:00'],
  ['Sunday', '2026-12-13 23:30', EMERGENCY, '2026-12-14 01:30', '2026-12-14 23:30'],
  ['Sunday', '2026-12-13 23:30', URGENT, '2026-12-15 00:00', '2026-12-17 00:00'],
  ['Sunday', '2026-12-13 23:30', ROUTINE, '2026-12-16 00:00', '2026-12-21 00:00'],
  // Monday 06:30 local is still Sunday in UTC east of +06:30.
  ['Monday early', '2026-12-14 06:30', EMERGENCY, '2026-12-14 08:30', '2026-12-15 06:30'],
  ['Monday early', '2026-12-14 06:30', URGENT, '2026-12-15 06:30', '2026-12-17 06:30'],
  ['Monday early', '2026-12-14 06:30', ROUTINE, '2026-12-16 06:30', '2026-12-21 06:30'],
];

describe('computeDeadlines', () => {
  describe.each(Object.keys(ZONES) as Zone[])('for a unit in %s', (zone) => {
    it.each(TABLE)(
      'sent %s %s, %s: acknowledge by %s, accept by %s',
      (_day, sent, priority, acknowledgeBy, acceptBy) => {
        expect(computeDeadlines(wall(zone, sent), priority, zone)).toEqual({
          acknowledgeBy: wall(zone, acknowledgeBy),
          acceptBy: wall(zone, acceptBy),
        });
      },
    );
  });

  it('counts business days on the receiving unit’s clock, not in UTC', () => {
    const sentAt = new Date('2026-12-11T17:30:00Z'); // Sat 00:30 in Jakarta, Fri 20:30 in Riyadh
    expect(computeDeadlines(sentAt, URGENT, 'Asia/Jakarta').acknowledgeBy).toEqual(
      wall('Asia/Jakarta', '2026-12-15 00:00'),
    );
    expect(computeDeadlines(sentAt, URGENT, 'Asia/Riyadh').acknowledgeBy).toEqual(
      wall('Asia/Riyadh', '2026-12-14 20:30'),
    );
  });

  it('crosses a year end, skipping New Year’s Day and Isra Mikraj (5 January) of the 2027 SKB', () => {
    // Thu 31 December: Mon 4 and Wed 6 January are the first two business days, then 7, 8, 11.
    const sent = wall('Asia/Jayapura', '2026-12-31 09:00');
    expect(computeDeadlines(sent, ROUTINE, 'Asia/Jayapura')).toEqual({
      acknowledgeBy: wall('Asia/Jayapura', '2027-01-06 09:00'),
      acceptBy: wall('Asia/Jayapura', '2027-01-11 09:00'),
    });
  });

  it('skips Nyepi, Lebaran and their cuti bersama of the 2026 SKB by default', () => {
    // Tue 17 March 2026 in NTT (WITA); 18–24 March are holidays, cuti bersama or the weekend.
    const sent = wall('Asia/Makassar', '2026-03-17 10:00');
    expect(computeDeadlines(sent, ROUTINE, 'Asia/Makassar')).toEqual({
      acknowledgeBy: wall('Asia/Makassar', '2026-03-26 10:00'),
      acceptBy: wall('Asia/Makassar', '2026-03-31 10:00'),
    });
    expect(computeDeadlines(sent, URGENT, 'Asia/Makassar').acknowledgeBy).toEqual(
      wall('Asia/Makassar', '2026-03-25 10:00'),
    );
  });

  describe('with holidays', () => {
    const calendar = new BusinessCalendar({ holidays: ['2026-12-24', '2026-12-25', '2027-01-01'] });

    it.each([
      [URGENT, '2027-01-04 09:00', '2027-01-06 09:00'],
      [ROUTINE, '2027-01-05 09:00', '2027-01-08 09:00'],
      [EMERGENCY, '2026-12-31 11:00', '2027-01-01 09:00'],
    ])('skips a holiday after sending (%s)', (priority, acknowledgeBy, acceptBy) => {
      const sent = wall('Asia/Makassar', '2026-12-31 09:00');
      expect(computeDeadlines(sent, priority, 'Asia/Makassar', calendar)).toEqual({
        acknowledgeBy: wall('Asia/Makassar', acknowledgeBy),
        acceptBy: wall('Asia/Makassar', acceptBy),
      });
    });

    it('starts the clock at 00:00 of the next business day when sent on a holiday', () => {
      const sent = wall('Asia/Jakarta', '2026-12-24 10:00'); // cuti bersama, then Christmas, weekend
      expect(computeDeadlines(sent, URGENT, 'Asia/Jakarta', calendar)).toEqual({
        acknowledgeBy: wall('Asia/Jakarta', '2026-12-29 00:00'),
        acceptBy: wall('Asia/Jakarta', '2026-12-31 00:00'),
      });
    });
  });

  it('takes configured policies instead of the defaults', () => {
    const sent = wall('Asia/Jakarta', '2026-12-09 10:15');
    const policies = {
      ...DEFAULT_DEADLINE_POLICIES,
      [URGENT]: {
        acknowledge: { unit: 'calendarHours', amount: 4 },
        accept: { unit: 'businessDays', amount: 7 },
      },
    } as const;
    expect(computeDeadlines(sent, URGENT, 'Asia/Jakarta', undefined, policies)).toEqual({
      acknowledgeBy: wall('Asia/Jakarta', '2026-12-09 14:15'),
      acceptBy: wall('Asia/Jakarta', '2026-12-18 10:15'),
    });
  });

  it('refuses an unknown time zone, even for an hour-based priority', () => {
    expect(() => computeDeadlines(new Date(), EMERGENCY, 'Asia/Atlantis')).toThrow(
      "Unknown IANA time zone 'Asia/Atlantis'",
    );
  });

  it('refuses an invalid sentAt', () => {
    expect(() => computeDeadlines(new Date('nope'), URGENT, 'Asia/Jakarta')).toThrow(RangeError);
  });
});
