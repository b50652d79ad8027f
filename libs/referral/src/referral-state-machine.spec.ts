import { ReferralStatus as S } from './referral-enums';
import {
  decide,
  FINAL_STATUSES,
  REFERRAL_RULES,
  type CallerStanding,
  type ReferralAction,
} from './referral-state-machine';

type Who =
  | 'sender'
  | 'receiver'
  | 'supervisor-of-sender'
  | 'supervisor-of-receiver'
  | 'other-party'
  | 'stranger';

const standing: Record<Who, CallerStanding> = {
  sender: { actsForSender: true, actsForReceiver: false, canSee: true },
  receiver: { actsForSender: false, actsForReceiver: true, canSee: true },
  'supervisor-of-sender': { actsForSender: true, actsForReceiver: false, canSee: true },
  'supervisor-of-receiver': { actsForSender: false, actsForReceiver: true, canSee: true },
  'other-party': { actsForSender: false, actsForReceiver: false, canSee: true },
  stranger: { actsForSender: false, actsForReceiver: false, canSee: false },
};

/** The rule table of docs/architecture.md, written out independently of the implementation. */
const expected: Record<ReferralAction, { side: 'sender' | 'receiver'; from: S[]; to: S }> = {
  acknowledge: { side: 'receiver', from: [S.REQUESTED], to: S.RECEIVED },
  accept: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.ACCEPTED },
  reject: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REJECTED },
  redirect: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REDIRECTED },
  start: { side: 'receiver', from: [S.ACCEPTED], to: S.IN_PROGRESS },
  hold: { side: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.ON_HOLD },
  resume: { side: 'receiver', from: [S.ON_HOLD], to: S.IN_PROGRESS },
  complete: { side: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.COMPLETED },
  fail: { side: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD], to: S.FAILED },
  cancel: { side: 'sender', from: [S.REQUESTED, S.RECEIVED], to: S.CANCELLED },
};

const actions = Object.keys(REFERRAL_RULES) as ReferralAction[];
const statuses = Object.values(S);
const callers = Object.keys(standing) as Who[];

const cases = actions.flatMap((action) =>
  statuses.flatMap((status) => callers.map((who) => [action, status, who] as const)),
);

describe('referral state machine', () => {
  it.each(cases)('%s from %s by %s', (action, status, who) => {
    const rule = expected[action];
    const onSide = who === rule.side || who === `supervisor-of-${rule.side}`;
    const decision = decide(action, status, standing[who]);
    if (!onSide) {
      expect(decision).toMatchObject({
        allowed: false,
        code: who === 'stranger' ? 'NOT_FOUND' : 'FORBIDDEN',
      });
    } else if (!rule.from.includes(status)) {
      expect(decision).toMatchObject({ allowed: false, code: 'CONFLICT' });
    } else {
      expect(decision).toEqual({ allowed: true, to: rule.to });
    }
  });

  it('leaves every final status with no way out', () => {
    for (const status of FINAL_STATUSES) {
      for (const action of actions) {
        const both = { actsForSender: true, actsForReceiver: true, canSee: true };
        expect(decide(action, status, both).allowed).toBe(false);
      }
    }
  });

  it('covers all ten actions and ten statuses', () => {
    expect(actions).toHaveLength(10);
    expect(statuses).toHaveLength(10);
  });
});
