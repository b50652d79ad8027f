import { ReferralStatus as S } from './referral-enums';
import {
  decide,
  FINAL_STATUSES,
  HELD_BEFORE_ACCEPTANCE,
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

/** ON_HOLD before acceptance, as the table writes it. */
const HELD_EARLY = 'ON_HOLD (not accepted)';
type State = S | typeof HELD_EARLY;

/**
 * The rule table of docs/architecture.md, written out independently of the implementation.
 * `toFromHeldEarly`: where the action leads from ON_HOLD before acceptance, when not `to`.
 */
const expected: Record<
  ReferralAction,
  { side: 'sender' | 'receiver'; from: State[]; to: S; toFromHeldEarly?: S }
> = {
  acknowledge: { side: 'receiver', from: [S.REQUESTED], to: S.RECEIVED },
  accept: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.ACCEPTED },
  reject: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REJECTED },
  redirect: { side: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REDIRECTED },
  start: { side: 'receiver', from: [S.ACCEPTED], to: S.IN_PROGRESS },
  hold: { side: 'receiver', from: [S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS], to: S.ON_HOLD },
  resume: {
    side: 'receiver',
    from: [S.ON_HOLD, HELD_EARLY],
    to: S.IN_PROGRESS,
    toFromHeldEarly: S.RECEIVED,
  },
  complete: { side: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.COMPLETED },
  fail: { side: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD], to: S.FAILED },
  cancel: { side: 'sender', from: [S.REQUESTED, S.RECEIVED, HELD_EARLY], to: S.CANCELLED },
};

const actions = Object.keys(REFERRAL_RULES) as ReferralAction[];
const statuses = Object.values(S);
const callers = Object.keys(standing) as Who[];

/** Every status, ON_HOLD twice: held after acceptance and before it. */
const states = statuses.flatMap<{ state: State; status: S; accepted: boolean }>((status) =>
  status === S.ON_HOLD
    ? [
        { state: S.ON_HOLD, status, accepted: true },
        { state: HELD_EARLY, status, accepted: false },
      ]
    : [{ state: status, status, accepted: status !== S.REQUESTED && status !== S.RECEIVED }],
);

const cases = actions.flatMap((action) =>
  states.flatMap(({ state, status, accepted }) =>
    callers.map((who) => [action, state, who, status, accepted] as const),
  ),
);

describe('referral state machine', () => {
  it.each(cases)('%s from %s by %s', (action, state, who, status, accepted) => {
    const rule = expected[action];
    const onSide = who === rule.side || who === `supervisor-of-${rule.side}`;
    const decision = decide(action, status, standing[who], accepted);
    if (!onSide) {
      expect(decision).toMatchObject({
        allowed: false,
        code: who === 'stranger' ? 'NOT_FOUND' : 'FORBIDDEN',
      });
    } else if (!rule.from.includes(state)) {
      expect(decision).toMatchObject({ allowed: false, code: 'CONFLICT' });
    } else {
      const to = state === HELD_EARLY ? (rule.toFromHeldEarly ?? rule.to) : rule.to;
      expect(decision).toEqual({ allowed: true, to });
    }
  });

  it('leaves every final status with no way out', () => {
    for (const status of FINAL_STATUSES) {
      for (const action of actions) {
        const both = { actsForSender: true, actsForReceiver: true, canSee: true };
        expect(decide(action, status, both, true).allowed).toBe(false);
        expect(decide(action, status, both, false).allowed).toBe(false);
      }
    }
  });

  it('names the hold before acceptance in a refusal', () => {
    const receiver = standing.receiver;
    expect(decide('fail', S.ON_HOLD, receiver, false)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
      reason: expect.stringContaining(HELD_BEFORE_ACCEPTANCE) as unknown,
    });
  });

  it('covers all ten actions and ten statuses', () => {
    expect(actions).toHaveLength(10);
    expect(statuses).toHaveLength(10);
  });
});
