import { Injectable } from '@nestjs/common';
import { Limits, optionalText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import type { RejectionReason } from '../referral-enums';
import { ReferralTransition } from '../referral-transition';

/** rejectReferral: declined with a coded reason; it lands in the sender's Returned queue. */
@Injectable()
export class RejectReferralUseCase {
  constructor(private readonly transition: ReferralTransition) {}

  execute(
    actor: Actor,
    referralId: string,
    reason: RejectionReason,
    note?: string | null,
    expectedVersion?: number | null,
  ) {
    const validNote = optionalText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'reject',
      expectedVersion,
      note: validNote,
      payload: { rejectionReason: reason },
      apply: (referral, now) => {
        referral.rejectionReason = reason;
        referral.statusNote = validNote;
        referral.closedAt = now;
      },
    });
  }
}
