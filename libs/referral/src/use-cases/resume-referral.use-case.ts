import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { shiftDeadlinesForHold } from '@simpul/sla';
import { ReferralTransition } from '../referral-transition';

/** resumeReferral: back to IN_PROGRESS; the deadlines move by the time spent on hold. */
@Injectable()
export class ResumeReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, expectedVersion?: number | null) {
    return this.transition.run({
      actor,
      referralId,
      action: 'resume',
      expectedVersion,
      apply: (referral, now) => {
        Object.assign(referral, shiftDeadlinesForHold(referral, now));
        referral.heldAt = null;
        referral.statusNote = null;
      },
    });
  }
}
