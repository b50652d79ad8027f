import { shiftDeadlinesForHold } from './shift-deadlines-for-hold';

const t = (iso: string) => new Date(iso);
const deadlines = { acknowledgeBy: t('2026-12-10T03:00:00Z'), acceptBy: t('2026-12-14T03:00:00Z') };
const heldAt = t('2026-12-09T05:00:00Z');
const resumedAt = t('2026-12-09T08:30:00Z'); // 3.5 h on hold

describe('shiftDeadlinesForHold', () => {
  it('moves both running deadlines by the time spent on hold', () => {
    const held = { ...deadlines, acknowledgedAt: null, acceptedAt: null, heldAt };
    expect(shiftDeadlinesForHold(held, resumedAt)).toEqual({
      acknowledgeBy: t('2026-12-10T06:30:00Z'),
      acceptBy: t('2026-12-14T06:30:00Z'),
    });
  });

  it('moves only acceptBy once acknowledged', () => {
    const held = {
      ...deadlines,
      acknowledgedAt: t('2026-12-09T04:00:00Z'),
      acceptedAt: null,
      heldAt,
    };
    expect(shiftDeadlinesForHold(held, resumedAt)).toEqual({
      acknowledgeBy: deadlines.acknowledgeBy,
      acceptBy: t('2026-12-14T06:30:00Z'),
    });
  });

  it('never turns a late acceptance into an on-time one', () => {
    const lateAcceptance = t('2026-12-14T04:00:00Z'); // an hour after acceptBy
    const held = {
      ...deadlines,
      acknowledgedAt: lateAcceptance,
      acceptedAt: lateAcceptance,
      heldAt: t('2026-12-15T00:00:00Z'),
    };
    expect(shiftDeadlinesForHold(held, t('2026-12-16T00:00:00Z'))).toEqual(deadlines);
  });

  it('refuses a referral that is not on hold, or a resume before the hold', () => {
    const base = { ...deadlines, acknowledgedAt: null, acceptedAt: null };
    expect(() => shiftDeadlinesForHold({ ...base, heldAt: null }, resumedAt)).toThrow(RangeError);
    expect(() => shiftDeadlinesForHold({ ...base, heldAt: resumedAt }, heldAt)).toThrow(RangeError);
  });
});
