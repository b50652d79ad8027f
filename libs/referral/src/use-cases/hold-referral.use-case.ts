import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** holdReferral: work pauses (ON_HOLD) and so does the deadline clock. */
@Injectable()
export class HoldReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, note: string, expectedVersion?: number | null) {
    const validNote = requiredText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'hold',
      expectedVersion,
      note: validNote,
      apply: (referral, now) => {
        referral.heldAt = now;
        referral.statusNote = validNote;
      },
    });
  }
}
