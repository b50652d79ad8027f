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

interface Rule {
  by: Side;
  from: readonly S[];
  to: S;
}

export const REFERRAL_RULES: Readonly<Record<ReferralAction, Rule>> = {
  acknowledge: { by: 'receiver', from: [S.REQUESTED], to: S.RECEIVED },
  accept: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.ACCEPTED },
  reject: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REJECTED },
  redirect: { by: 'receiver', from: [S.REQUESTED, S.RECEIVED], to: S.REDIRECTED },
  start: { by: 'receiver', from: [S.ACCEPTED], to: S.IN_PROGRESS },
  hold: { by: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.ON_HOLD },
  resume: { by: 'receiver', from: [S.ON_HOLD], to: S.IN_PROGRESS },
  complete: { by: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS], to: S.COMPLETED },
  fail: { by: 'receiver', from: [S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD], to: S.FAILED },
  cancel: { by: 'sender', from: [S.REQUESTED, S.RECEIVED], to: S.CANCELLED },
};

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

export function decide(action: ReferralAction, status: S, caller: CallerStanding): Decision {
  const rule = REFERRAL_RULES[action];
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
  if (!rule.from.includes(status)) {
    return {
      allowed: false,
      code: 'CONFLICT',
      reason: `Cannot ${action} a referral that is ${status}; allowed from ${rule.from.join(', ')}`,
    };
  }
  return { allowed: true, to: rule.to };
}
