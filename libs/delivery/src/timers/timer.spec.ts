import { fromTimerPayload, timerJobKey, toTimerPayload, type TimerSpec } from './timer';

const timer: TimerSpec = {
  subjectKind: 'referral',
  subjectId: '0b6c2f1e-6a43-4a55-9a4e-2f7c0d1e9b11',
  deadline: 'acknowledgeBy',
  dueAt: new Date('2026-03-17T02:00:00Z'),
  step: 1,
  fireAt: new Date('2026-03-17T02:00:00Z'),
};

describe('timerJobKey', () => {
  it('is a version-5 UUID that depends on the timer’s identity only', () => {
    const key = timerJobKey(timer);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timerJobKey({ ...timer })).toBe(key);
    // fireAt is not part of the identity: arming the step again with another time adds nothing.
    expect(timerJobKey({ ...timer, fireAt: new Date('2026-03-18T02:00:00Z') })).toBe(key);
  });

  it('differs per subject kind, subject, deadline, due time and step', () => {
    const keys = new Set([
      timerJobKey(timer),
      timerJobKey({ ...timer, subjectKind: 'alert' }),
      timerJobKey({ ...timer, subjectId: '1b6c2f1e-6a43-4a55-9a4e-2f7c0d1e9b11' }),
      timerJobKey({ ...timer, deadline: 'acceptBy' }),
      timerJobKey({ ...timer, dueAt: new Date('2026-03-17T02:00:00.001Z') }),
      timerJobKey({ ...timer, step: 2 }),
    ]);
    expect(keys.size).toBe(6);
  });
});

describe('timer payload', () => {
  it('carries ids, names and times only, and reads back to the same timer', () => {
    const payload = toTimerPayload(timer);
    expect(Object.keys(payload).sort()).toEqual(
      ['deadline', 'dueAt', 'fireAt', 'step', 'subjectId', 'subjectKind'].sort(),
    );
    expect(fromTimerPayload(JSON.parse(JSON.stringify(payload)) as typeof payload)).toEqual(timer);
  });
});
