import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** completeReferral: the service was delivered; the outcome is recorded (COMPLETED, final). */
@Injectable()
export class CompleteReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, outcome: string, expectedVersion?: number | null) {
    const validOutcome = requiredText('outcome', outcome, Limits.outcome);
    return this.transition.run({
      actor,
      referralId,
      action: 'complete',
      expectedVersion,
      apply: (referral, now) => {
        referral.outcome = validOutcome;
        referral.heldAt = null;
        referral.closedAt = now;
      },
    });
  }
}
