import { Severity } from './alert-enums';
import { alertEscalationSteps, alertEscalationTimer } from './alert-escalation';

describe('alert escalation timers', () => {
  const raisedAt = new Date('2026-12-01T02:00:00Z');

  it('escalates an unacknowledged CRITICAL alert after 15 minutes and a HIGH one after 2 hours', () => {
    expect(alertEscalationTimer({ id: 'a', severity: Severity.CRITICAL, raisedAt })).toEqual({
      subjectKind: 'alert',
      subjectId: 'a',
      deadline: 'acknowledgeBy',
      dueAt: new Date('2026-12-01T02:15:00Z'),
      step: 1,
      fireAt: new Date('2026-12-01T02:15:00Z'),
    });
    expect(alertEscalationTimer({ id: 'a', severity: Severity.HIGH, raisedAt })?.fireAt).toEqual(
      new Date('2026-12-01T04:00:00Z'),
    );
  });

  it('climbs at 150 % and 200 % of the window, on the same deadline', () => {
    expect(
      alertEscalationSteps({ severity: Severity.CRITICAL, raisedAt }).map((step) => [
        step.step,
        step.percentOfWindow,
        step.at.toISOString(),
      ]),
    ).toEqual([
      [1, 100, '2026-12-01T02:15:00.000Z'],
      [2, 150, '2026-12-01T02:22:30.000Z'],
      [3, 200, '2026-12-01T02:30:00.000Z'],
    ]);
    const third = alertEscalationTimer({ id: 'a', severity: Severity.HIGH, raisedAt }, 3);
    expect(third).toMatchObject({
      dueAt: new Date('2026-12-01T04:00:00Z'),
      step: 3,
      fireAt: new Date('2026-12-01T06:00:00Z'),
    });
    expect(alertEscalationTimer({ id: 'a', severity: Severity.HIGH, raisedAt }, 4)).toBeNull();
  });

  it('never escalates LOW or MEDIUM alerts', () => {
    expect(alertEscalationTimer({ id: 'a', severity: Severity.MEDIUM, raisedAt })).toBeNull();
    expect(alertEscalationTimer({ id: 'a', severity: Severity.LOW, raisedAt })).toBeNull();
    expect(alertEscalationSteps({ severity: Severity.LOW, raisedAt })).toEqual([]);
  });
});
