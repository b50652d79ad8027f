import { BusinessCalendar, WEEKENDS_ONLY_CALENDAR } from './business-calendar';
import { Priority } from './priority';
import { shiftDeadlinesForHold } from './shift-deadlines-for-hold';

const t = (iso: string) => new Date(iso);
const WITA = 'Asia/Makassar';
// A ROUTINE referral to a unit in Kupang (WITA, UTC+8): acknowledge by Thu 10 Dec, accept by
// Mon 14 Dec 2026, both 11:00 local.
const routine = {
  priority: Priority.ROUTINE,
  acknowledgeBy: t('2026-12-10T03:00:00Z'),
  acceptBy: t('2026-12-14T03:00:00Z'),
};

describe('shiftDeadlinesForHold', () => {
  it('moves a business-day deadline still running by the business time held', () => {
    // Wed 9 Dec 13:00 → 16:30 WITA: 3.5 h of a business day.
    const held = { ...routine, acknowledgedAt: null, acceptedAt: null };
    const shifted = shiftDeadlinesForHold(
      { ...held, heldAt: t('2026-12-09T05:00:00Z') },
      t('2026-12-09T08:30:00Z'),
      WITA,
      WEEKENDS_ONLY_CALENDAR,
    );
    expect(shifted).toEqual({
      acknowledgeBy: t('2026-12-10T06:30:00Z'),
      acceptBy: t('2026-12-14T06:30:00Z'),
    });
  });

  it('does not count the weekend held: Friday to Monday is one business day', () => {
    const held = { ...routine, acknowledgedAt: t('2026-12-09T04:00:00Z'), acceptedAt: null };
    const shifted = shiftDeadlinesForHold(
      { ...held, heldAt: t('2026-12-11T02:00:00Z') }, // Fri 11 Dec 10:00 WITA
      t('2026-12-14T02:00:00Z'), // Mon 14 Dec 10:00 WITA
      WITA,
      WEEKENDS_ONLY_CALENDAR,
    );
    expect(shifted).toEqual({
      acknowledgeBy: routine.acknowledgeBy, // settled
      acceptBy: t('2026-12-15T03:00:00Z'), // Tue 15 Dec 11:00 WITA
    });
  });

  it('never moves a deadline onto a weekend or holiday', () => {
    // acceptBy Fri 11 Dec 11:00 WITA; held a whole business day (Wed 10:00 → Thu 10:00).
    const held = {
      ...routine,
      acceptBy: t('2026-12-11T03:00:00Z'),
      acknowledgedAt: t('2026-12-08T01:00:00Z'),
      acceptedAt: null,
      heldAt: t('2026-12-09T02:00:00Z'),
    };
    const resumedAt = t('2026-12-10T02:00:00Z');
    expect(shiftDeadlinesForHold(held, resumedAt, WITA, WEEKENDS_ONLY_CALENDAR).acceptBy).toEqual(
      t('2026-12-14T03:00:00Z'), // Mon 14 Dec, not Sat 12
    );
    const mondayOff = new BusinessCalendar({ holidays: ['2026-12-14'] });
    expect(shiftDeadlinesForHold(held, resumedAt, WITA, mondayOff).acceptBy).toEqual(
      t('2026-12-15T03:00:00Z'), // Tue 15 Dec
    );
  });

  it('moves an EMERGENCY deadline by the elapsed time, weekend or not', () => {
    const held = {
      priority: Priority.EMERGENCY,
      acknowledgeBy: t('2026-12-11T04:00:00Z'),
      acceptBy: t('2026-12-12T02:00:00Z'),
      acknowledgedAt: t('2026-12-11T03:00:00Z'),
      acceptedAt: null,
      heldAt: t('2026-12-11T05:00:00Z'),
    };
    expect(shiftDeadlinesForHold(held, t('2026-12-11T11:00:00Z'), WITA).acceptBy).toEqual(
      t('2026-12-12T08:00:00Z'),
    );
  });

  it('never turns a late acceptance into an on-time one', () => {
    const lateAcceptance = t('2026-12-14T04:00:00Z'); // an hour after acceptBy
    const held = {
      ...routine,
      acknowledgedAt: lateAcceptance,
      acceptedAt: lateAcceptance,
      heldAt: t('2026-12-15T00:00:00Z'),
    };
    expect(shiftDeadlinesForHold(held, t('2026-12-16T00:00:00Z'), WITA)).toEqual({
      acknowledgeBy: routine.acknowledgeBy,
      acceptBy: routine.acceptBy,
    });
  });

  it('refuses a referral that is not on hold, or a resume before the hold', () => {
    const base = { ...routine, acknowledgedAt: null, acceptedAt: null };
    const heldAt = t('2026-12-09T05:00:00Z');
    const resumedAt = t('2026-12-09T08:30:00Z');
    expect(() => shiftDeadlinesForHold({ ...base, heldAt: null }, resumedAt, WITA)).toThrow(
      RangeError,
    );
    expect(() => shiftDeadlinesForHold({ ...base, heldAt: resumedAt }, heldAt, WITA)).toThrow(
      RangeError,
    );
  });
});
