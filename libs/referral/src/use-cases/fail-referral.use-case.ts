import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** failReferral: the service could not be delivered (FAILED, final); the note says why. */
@Injectable()
export class FailReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, note: string, expectedVersion?: number | null) {
    const validNote = requiredText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'fail',
      expectedVersion,
      note: validNote,
      apply: (referral, now) => {
        referral.statusNote = validNote;
        referral.heldAt = null;
        referral.closedAt = now;
      },
    });
  }
}
