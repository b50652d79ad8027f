import { Injectable } from '@nestjs/common';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import type { CallerStanding } from './referral-state-machine';
import type { ReferralEntity } from './entities/referral.entity';
import { canSee, type ReferralView } from './referral-visibility';
import { ReferralViews } from './referral-views';

/**
 * How a caller stands to a referral: its own unit on either side, or a SUPERVISOR of the agency
 * that side belongs to; and how much of it it may see (ReferralViews: a confidential referral is
 * not seen at all by the other parties of the case, so they get NOT_FOUND, not FORBIDDEN).
 */
@Injectable()
export class ReferralStanding {
  constructor(
    private readonly access: CaseAccess,
    private readonly views: ReferralViews,
  ) {}

  async of(
    actor: Actor,
    referral: ReferralEntity,
  ): Promise<CallerStanding & { view: ReferralView }> {
    const units = await this.access.caseworkUnitIds(actor);
    const view = await this.views.viewIn(actor, referral, units);
    return {
      actsForSender: units.includes(referral.fromUnitId),
      actsForReceiver: units.includes(referral.toUnitId),
      canSee: canSee(view),
      view,
    };
  }
}
