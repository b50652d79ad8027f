import type { Deadlines } from './deadline-policy';
import type { SlaReferral } from './sla-referral';

export type HeldReferral = Pick<
  SlaReferral,
  'acknowledgeBy' | 'acceptBy' | 'acknowledgedAt' | 'acceptedAt'
> & {
  /** When it went ON_HOLD (ReferralEntity.heldAt). */
  heldAt: Date | null;
};

/**
 * The deadlines after resuming from ON_HOLD at `resumedAt`: the clock stopped while on hold, so a
 * deadline still running moves later by the time spent on hold.
 *
 * A deadline already settled before the hold — acknowledgeBy once acknowledgedAt is set, acceptBy
 * once acceptedAt is set — stays where it is. Moving it would rewrite history: a referral accepted
 * an hour late and then held for two hours would turn from BREACHED into MET. Under today's rule
 * table ON_HOLD is reachable only after acceptance, so both are settled and nothing moves; the
 * rule is written for deadlines that run after acceptance (e.g. service deadlines) or a hold
 * before it.
 */
export function shiftDeadlinesForHold(referral: HeldReferral, resumedAt: Date): Deadlines {
  const { heldAt } = referral;
  if (!heldAt) throw new RangeError('referral is not on hold (heldAt is not set)');
  const heldMs = resumedAt.getTime() - heldAt.getTime();
  if (!(heldMs >= 0)) throw new RangeError('resumedAt is before heldAt');
  const shift = (deadline: Date, settledAt: Date | null) =>
    settledAt ? deadline : new Date(deadline.getTime() + heldMs);
  return {
    acknowledgeBy: shift(referral.acknowledgeBy, referral.acknowledgedAt),
    acceptBy: shift(referral.acceptBy, referral.acceptedAt),
  };
}
