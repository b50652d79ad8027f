import { countingDeadline, type SlaReferral, type SlaReferralStatus } from './sla-referral';
import { computeSla, SlaState } from './sla-state';

const { ON_TRACK, AT_RISK, BREACHED, MET, PAUSED } = SlaState;

// Hours after sentAt. acknowledgeBy at +8 h (75% = +6 h); acceptBy at +40 h (75% = +30 h).
const H = 3_600_000;
const sentAt = new Date('2026-12-09T03:00:00Z');
const hoursIn = (hours: number) => new Date(sentAt.getTime() + hours * H);
const maybeHoursIn = (hours?: number) => (hours === undefined ? null : hoursIn(hours));

function referral(
  status: SlaReferralStatus,
  times: { acknowledgedAt?: number; acceptedAt?: number; closedAt?: number } = {},
): SlaReferral {
  return {
    status,
    sentAt,
    acknowledgeBy: hoursIn(8),
    acceptBy: hoursIn(40),
    acknowledgedAt: maybeHoursIn(times.acknowledgedAt),
    acceptedAt: maybeHoursIn(times.acceptedAt),
    closedAt: maybeHoursIn(times.closedAt),
  };
}

describe('computeSla', () => {
  describe('while waiting, against the deadline that counts', () => {
    it.each([
      // status, hours after sentAt that `now` is, expected
      ['REQUESTED', 0, ON_TRACK],
      ['REQUESTED', 5.99, ON_TRACK],
      ['REQUESTED', 6, AT_RISK], // exactly 75% of the acknowledge window
      ['REQUESTED', 8, AT_RISK], // at the deadline: not yet past
      ['REQUESTED', 8.001, BREACHED],
      ['REQUESTED', 100, BREACHED],
      ['RECEIVED', 7, ON_TRACK],
      ['RECEIVED', 9, ON_TRACK], // past acknowledgeBy no longer matters once received
      ['RECEIVED', 29.99, ON_TRACK],
      ['RECEIVED', 30, AT_RISK], // 75% of sentAt → acceptBy
      ['RECEIVED', 40, AT_RISK],
      ['RECEIVED', 40.001, BREACHED],
    ] as const)('%s at +%sh → %s', (status, hours, expected) => {
      expect(computeSla(referral(status, { acknowledgedAt: 1 }), hoursIn(hours))).toBe(expected);
    });
  });

  it('is PAUSED on hold, however late it is', () => {
    expect(computeSla(referral('ON_HOLD', { acceptedAt: 50 }), hoursIn(500))).toBe(PAUSED);
  });

  describe('after acceptance, by acceptedAt against acceptBy', () => {
    it.each([
      ['ACCEPTED', 39, MET],
      ['ACCEPTED', 40, MET],
      ['ACCEPTED', 40.001, BREACHED],
      ['IN_PROGRESS', 10, MET],
      ['IN_PROGRESS', 41, BREACHED],
      ['COMPLETED', 10, MET],
      ['COMPLETED', 41, BREACHED],
      ['FAILED', 10, MET],
      ['FAILED', 41, BREACHED],
    ] as const)('%s, accepted at +%sh → %s', (status, acceptedAt, expected) => {
      const row = referral(status, { acknowledgedAt: acceptedAt, acceptedAt, closedAt: 300 });
      expect(computeSla(row, hoursIn(400))).toBe(expected);
    });
  });

  describe('decided without acceptance, by the deadline that counted at the decision', () => {
    it.each([
      // not acknowledged: acknowledgeBy (+8 h) counted
      ['REJECTED', null, 7, MET],
      ['REJECTED', null, 8, MET],
      ['REJECTED', null, 9, BREACHED],
      ['REDIRECTED', null, 7, MET],
      ['REDIRECTED', null, 9, BREACHED],
      ['CANCELLED', null, 7, MET],
      ['CANCELLED', null, 9, BREACHED],
      // acknowledged: acceptBy (+40 h) counted
      ['REJECTED', 2, 9, MET],
      ['REJECTED', 2, 41, BREACHED],
      ['REDIRECTED', 2, 39, MET],
      ['REDIRECTED', 2, 41, BREACHED],
      ['CANCELLED', 2, 39, MET],
      ['CANCELLED', 2, 41, BREACHED],
    ] as const)(
      '%s, acknowledged at %s, decided at +%sh → %s',
      (status, acknowledgedAt, closedAt, expected) => {
        const row = referral(status, { acknowledgedAt: acknowledgedAt ?? undefined, closedAt });
        expect(computeSla(row, hoursIn(400))).toBe(expected);
      },
    );
  });
});

describe('countingDeadline', () => {
  it('is acknowledgeBy while REQUESTED and acceptBy while RECEIVED, both from sentAt', () => {
    expect(countingDeadline(referral('REQUESTED'))).toEqual({
      deadline: 'acknowledgeBy',
      windowStart: sentAt,
      dueAt: hoursIn(8),
    });
    expect(countingDeadline(referral('RECEIVED'))).toEqual({
      deadline: 'acceptBy',
      windowStart: sentAt,
      dueAt: hoursIn(40),
    });
  });

  it.each([
    'ACCEPTED',
    'IN_PROGRESS',
    'ON_HOLD',
    'COMPLETED',
    'FAILED',
    'REJECTED',
    'REDIRECTED',
    'CANCELLED',
  ] as const)('is none for %s', (status) => {
    expect(countingDeadline(referral(status))).toBeNull();
  });
});
