import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { shiftDeadlinesForHold } from '@simpul/sla';
import { ArmNextEscalation } from '../escalation/arm-next-escalation';
import { ReferralTransition } from '../referral-transition';

/**
 * cancelReferral: the sender withdraws it before acceptance (CANCELLED, final) — also while the
 * receiver holds it before accepting. A held one's deadlines first move by the time on hold, as a
 * resume would move them: the paused clock does not count against the receiving desk's sla.
 */
@Injectable()
export class CancelReferralUseCase {
  constructor(
    private readonly transition: ReferralTransition,
    private readonly arming: ArmNextEscalation,
  ) {}

  execute(actor: Actor, referralId: string, note: string, expectedVersion?: number | null) {
    const validNote = requiredText('note', note, Limits.note);
    return this.transition.run({
      actor,
      referralId,
      action: 'cancel',
      expectedVersion,
      note: validNote,
      apply: async (referral, now) => {
        if (referral.heldAt) {
          const timeZone = await this.arming.timeZoneOf(referral);
          Object.assign(referral, shiftDeadlinesForHold(referral, now, timeZone));
          referral.heldAt = null;
        }
        referral.statusNote = validNote;
        referral.closedAt = now;
      },
    });
  }
}
