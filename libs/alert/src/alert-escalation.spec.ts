import { Severity } from './alert-enums';
import { alertEscalationTimer } from './alert-escalation';

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

  it('never escalates LOW or MEDIUM alerts', () => {
    expect(alertEscalationTimer({ id: 'a', severity: Severity.MEDIUM, raisedAt })).toBeNull();
    expect(alertEscalationTimer({ id: 'a', severity: Severity.LOW, raisedAt })).toBeNull();
  });
});
