import { ReferralStatus as S } from './referral-enums';

/**
 * The referral rule table (docs/architecture.md), framework-free. Use cases ask `decide` if an action
 * is allowed; nothing else in the code knows which status may follow which.
 */
export type ReferralAction =
  | 'acknowledge'
  | 'accept'
  | 'reject'
  | 'redirect'
  | 'start'
  | 'hold'
  | 'resume'
  | 'complete'
  | 'fail'
  | 'cancel';

export type Side = 'sender' | 'receiver';

/**
 * ON_HOLD is two states to the rules. Held after acceptance, work pauses: the receiver resumes it
 * (IN_PROGRESS) or fails it. Held before acceptance (from RECEIVED, waiting on documents before
 * committing), the accept deadline pauses: the receiver resumes it back to RECEIVED, where it
 * decides as before, and the sender may still withdraw it — it was never handed off.
 */
export const HELD_BEFORE_ACCEPTANCE = 'ON_HOLD before acceptance';
export type RuleState = S | typeof HELD_BEFORE_ACCEPTANCE;

interface Rule {
  by: Side;
  from: readonly RuleState[];
  to: S;
  /** Where the action leads from a hold before acceptance, when that is not `to`. */
  toFromHoldBeforeAcceptance?: S;
}

export const REFERRAL_RULES: Readonly<Record<ReferralAction, Rule>> = {
  acknowledge: { by: 'receiver', from: [S.REQUESTED], to: S.RECEIVED },
  accept: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.ACCEPTED },
  reject: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REJECTED },
  redirect: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REDIRECTED },
  start: { by: 'receiver', from: [S.ACCEPTED], to: S.IN_PROGRESS },
  hold: { by: 'receiver', from: [S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS], to: S.ON_HOLD },
  resume: {
    by: 'receiver',
    from: [S.ON_HOLD, HELD_BEFORE_ACCEPTANCE],
    to: S.IN_PROGRESS,
    toFromHoldBeforeAcceptance: S.RECEIVED,
  },
  complete: { by: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.COMPLETED },
  fail: { by: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD], to: S.FAILED },
  cancel: {
    by: 'sender',
    from: [S.REQUESTED, S.RECEIVED, HELD_BEFORE_ACCEPTANCE],
    to: S.CANCELLED,
  },
};

/** The state the rules see: ON_HOLD split by whether the referral had been accepted. */
export function ruleState(status: S, accepted: boolean): RuleState {
  return status === S.ON_HOLD && !accepted ? HELD_BEFORE_ACCEPTANCE : status;
}

export const FINAL_STATUSES: readonly S[] = [
  S.REJECTED,
  S.REDIRECTED,
  S.COMPLETED,
  S.CANCELLED,
  S.FAILED,
];

/** How the caller stands to one referral; supervisors of the same agency count as that side. */
export interface CallerStanding {
  actsForSender: boolean;
  actsForReceiver: boolean;
  /** May read the referral (a party of its case, or an auditor). */
  canSee: boolean;
}

export type Decision =
  | { allowed: true; to: S }
  | { allowed: false; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT'; reason: string };

/** `accepted`: whether the referral was ever accepted (acceptedAt set); it splits ON_HOLD. */
export function decide(
  action: ReferralAction,
  status: S,
  caller: CallerStanding,
  accepted: boolean,
): Decision {
  const rule = REFERRAL_RULES[action];
  const state = ruleState(status, accepted);
  const onSide = rule.by === 'sender' ? caller.actsForSender : caller.actsForReceiver;
  if (!onSide) {
    if (!caller.canSee && !caller.actsForSender && !caller.actsForReceiver) {
      return { allowed: false, code: 'NOT_FOUND', reason: 'Referral not found' };
    }
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `Only the ${rule.by === 'sender' ? 'sending' : 'receiving'} unit may ${action} this referral`,
    };
  }
  if (!rule.from.includes(state)) {
    return {
      allowed: false,
      code: 'CONFLICT',
      reason: `Cannot ${action} a referral that is ${state}; allowed from ${rule.from.join(', ')}`,
    };
  }
  const to = state === HELD_BEFORE_ACCEPTANCE ? rule.toFromHoldBeforeAcceptance : undefined;
  return { allowed: true, to: to ?? rule.to };
}
