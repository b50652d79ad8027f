import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** acknowledgeReferral: the receiving unit confirms receipt (RECEIVED). */
@Injectable()
export class AcknowledgeReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, expectedVersion?: number | null) {
    return this.transition.run({
      actor,
      referralId,
      action: 'acknowledge',
      expectedVersion,
      apply: (referral, now) => {
        referral.acknowledgedAt = now;
      },
    });
  }
}
