import { escalationSchedule } from './escalation-schedule';

describe('escalationSchedule', () => {
  it('escalates one level at 100%, 150% and 200% of the window', () => {
    const sentAt = new Date('2026-12-09T03:00:00Z');
    const acknowledgeBy = new Date('2026-12-09T05:00:00Z'); // EMERGENCY: 2 h window
    expect(escalationSchedule(sentAt, acknowledgeBy)).toEqual([
      { level: 1, percentOfWindow: 100, at: new Date('2026-12-09T05:00:00Z') },
      { level: 2, percentOfWindow: 150, at: new Date('2026-12-09T06:00:00Z') },
      { level: 3, percentOfWindow: 200, at: new Date('2026-12-09T07:00:00Z') },
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
