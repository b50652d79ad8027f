import { Injectable } from '@nestjs/common';
import { Limits, optionalText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { ReferralTransition } from '../referral-transition';

/** acceptReferral: the handoff — the receiving unit takes responsibility (ACCEPTED). */
@Injectable()
export class AcceptReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(actor: Actor, referralId: string, note?: string | null, expectedVersion?: number | null) {
    const validNote = optionalText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'accept',
      expectedVersion,
      note: validNote,
      apply: (referral, now) => {
        referral.acknowledgedAt ??= now;
        referral.acceptedAt = now;
        referral.acceptedById = actor.officerId;
      },
    });
  }
}
