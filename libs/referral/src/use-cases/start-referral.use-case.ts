import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** startReferral: work on an accepted referral begins (IN_PROGRESS). */
@Injectable()
export class StartReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, expectedVersion?: number | null) {
    return this.transition.run({ actor, referralId, action: 'start', expectedVersion });
  }
}
