import { WEEKENDS_ONLY_CALENDAR } from './business-calendar';
import { escalationSchedule, escalationSteps } from './escalation-schedule';

describe('escalationSchedule', () => {
  it('escalates one step at 100%, 150% and 200% of the window', () => {
    const sentAt = new Date('2026-12-09T03:00:00Z');
    const acknowledgeBy = new Date('2026-12-09T05:00:00Z'); // EMERGENCY: 2 h window
    expect(escalationSchedule(sentAt, acknowledgeBy)).toEqual([
      { step: 1, percentOfWindow: 100, at: new Date('2026-12-09T05:00:00Z') },
      { step: 2, percentOfWindow: 150, at: new Date('2026-12-09T06:00:00Z') },
      { step: 3, percentOfWindow: 200, at: new Date('2026-12-09T07:00:00Z') },
    ]);
  });

  it('never fires a step early when 150% falls between milliseconds', () => {
    const [, second] = escalationSchedule(new Date(0), new Date(3));
    expect(second.at.getTime()).toBe(5); // 4.5 ms rounded up
  });

  it('refuses a deadline that does not follow its window start', () => {
    expect(() => escalationSchedule(new Date(10), new Date(10))).toThrow(RangeError);
  });
});

describe('escalationSteps', () => {
  const wita = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
  const at = (steps: { at: Date }[]) => steps.map((step) => step.at);
  const days = (amount: number) => ({ unit: 'businessDays' as const, amount });

  it('uses elapsed time for deadlines in calendar hours', () => {
    const steps = escalationSteps(
      wita('2026-12-09 10:00'),
      wita('2026-12-09 12:00'),
      { unit: 'calendarHours', amount: 2 },
      'Asia/Makassar',
    );
    expect(at(steps)).toEqual([
      wita('2026-12-09 12:00'),
      wita('2026-12-09 13:00'),
      wita('2026-12-09 14:00'),
    ]);
  });

  it('counts 150% and 200% of business days in business days after the deadline', () => {
    // ROUTINE accept: sent Wed 9 Dec, due Wed 16 Dec; +3 business days, then +5.
    const steps = escalationSteps(
      wita('2026-12-09 10:00'),
      wita('2026-12-16 10:00'),
      days(5),
      'Asia/Makassar',
      WEEKENDS_ONLY_CALENDAR,
    );
    expect(at(steps)).toEqual([
      wita('2026-12-16 10:00'),
      wita('2026-12-21 10:00'),
      wita('2026-12-23 10:00'),
    ]);
  });

  it('keeps steps one business day apart for a one-day deadline', () => {
    const steps = escalationSteps(
      wita('2026-12-09 10:00'),
      wita('2026-12-10 10:00'),
      days(1),
      'Asia/Makassar',
      WEEKENDS_ONLY_CALENDAR,
    );
    expect(at(steps)).toEqual([
      wita('2026-12-10 10:00'),
      wita('2026-12-11 10:00'),
      wita('2026-12-14 10:00'),
    ]);
  });

  it('never lands on a national holiday or cuti bersama (default calendar)', () => {
    // ROUTINE acknowledge sent Fri 13 March 2026, due Tue 17; 18–24 March are holidays or weekend.
    const steps = escalationSteps(
      wita('2026-03-13 10:00'),
      wita('2026-03-17 10:00'),
      days(2),
      'Asia/Makassar',
    );
    expect(at(steps)).toEqual([
      wita('2026-03-17 10:00'),
      wita('2026-03-25 10:00'),
      wita('2026-03-26 10:00'),
    ]);
  });
});
