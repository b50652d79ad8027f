import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { shiftDeadlinesForHold } from '@simpul/sla';
import { ArmNextEscalation } from '../escalation/arm-next-escalation';
import { ReferralTransition } from '../referral-transition';

/**
 * resumeReferral: back to where it was held from — IN_PROGRESS after acceptance, RECEIVED before
 * it (the state machine decides) — with the deadlines still running moved by the time on hold
 * (shiftDeadlinesForHold, in the receiving unit's zone). Nothing escalated while the referral was
 * held (its plan is empty ON_HOLD); its moved deadline's steps are armed here, in the same
 * transaction, and a step that fired before the hold does not fire again.
 */
@Injectable()
export class ResumeReferralUseCase {
  constructor(
    private readonly transition: ReferralTransition,
    private readonly arming: ArmNextEscalation,
  ) {}

  execute(actor: Actor, referralId: string, expectedVersion?: number | null) {
    return this.transition.run({
      actor,
      referralId,
      action: 'resume',
      expectedVersion,
      apply: async (referral, now) => {
        const timeZone = await this.arming.timeZoneOf(referral);
        Object.assign(referral, shiftDeadlinesForHold(referral, now, timeZone));
        referral.heldAt = null;
        referral.statusNote = null;
        const fired = await this.arming.firedSteps(referral.id);
        await this.arming.arm(referral, timeZone, fired);
      },
    });
  }
}
