import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** cancelReferral: the sender withdraws it before acceptance (CANCELLED, final). */
@Injectable()
export class CancelReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, note: string, expectedVersion?: number | null) {
    const validNote = requiredText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'cancel',
      expectedVersion,
      note: validNote,
      apply: (referral, now) => {
        referral.statusNote = validNote;
        referral.closedAt = now;
      },
    });
  }
}
