import { Priority, SlaState } from '@simpul/sla';
import { ReferralStatus as S } from './referral-enums';
import {
  NOT_PRESSING_RANK,
  ReferralStage,
  referralStage,
  urgencyRank,
} from './referral-queue-order';

describe('referralStage', () => {
  it('keeps a referral held before acceptance with those awaiting a decision', () => {
    expect(referralStage(S.ON_HOLD, false)).toBe(ReferralStage.AWAITING_DECISION);
    expect(referralStage(S.ON_HOLD, true)).toBe(ReferralStage.IN_HAND);
    expect(referralStage(S.RECEIVED, false)).toBe(ReferralStage.AWAITING_DECISION);
    expect(referralStage(S.IN_PROGRESS, true)).toBe(ReferralStage.IN_HAND);
    expect(referralStage(S.REJECTED, false)).toBe(ReferralStage.CLOSED);
  });
});

describe('urgencyRank', () => {
  const rank = (status: S, priority: Priority, sla: SlaState) =>
    urgencyRank({ status, priority, sla });

  it('puts breached before at risk before emergency, and priority within an SLA state', () => {
    const ranks = [
      rank(S.REQUESTED, Priority.URGENT, SlaState.BREACHED),
      rank(S.RECEIVED, Priority.ROUTINE, SlaState.BREACHED),
      rank(S.REQUESTED, Priority.EMERGENCY, SlaState.AT_RISK),
      rank(S.REQUESTED, Priority.ROUTINE, SlaState.AT_RISK),
      rank(S.REQUESTED, Priority.EMERGENCY, SlaState.ON_TRACK),
      rank(S.ON_HOLD, Priority.EMERGENCY, SlaState.PAUSED),
    ];
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(Math.max(...ranks)).toBeLessThan(NOT_PRESSING_RANK);
  });

  it('ranks every referral that is closed or not pressing alike, so that they stay newest first', () => {
    expect(rank(S.COMPLETED, Priority.EMERGENCY, SlaState.BREACHED)).toBe(NOT_PRESSING_RANK);
    expect(rank(S.REQUESTED, Priority.URGENT, SlaState.ON_TRACK)).toBe(NOT_PRESSING_RANK);
    expect(rank(S.ON_HOLD, Priority.ROUTINE, SlaState.PAUSED)).toBe(NOT_PRESSING_RANK);
  });
});
