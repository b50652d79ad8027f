import { Injectable } from '@nestjs/common';
import { byKeys, loaderFor, type RequestContext } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import type { ReferralEntity } from './entities/referral.entity';
import { entityOfLive, type LiveReferral } from './live/live-referral';
import type { ReferralModel } from './models/referral.model';
import { ReferralReader } from './referral.reader';
import { ReferralViews } from './referral-views';

/**
 * Batched referral lookups for field resolvers (Referral.redirectedFrom/To, HandoffEvent.referral,
 * PersonAccess.referral). Each answer is checked for the caller again — defence in depth, a link
 * does not inherit the right of the object it hangs from: null when the caller may not see it,
 * blanked when it may only know it exists.
 */
@Injectable()
export class ReferralLoader {
  constructor(
    private readonly referrals: ReferralReader,
    private readonly views: ReferralViews,
  ) {}

  async load(context: RequestContext, actor: Actor, id: string): Promise<ReferralModel | null> {
    const entity = await loaderFor<ReferralEntity>(context, 'referral.referral', async (ids) =>
      byKeys(ids, await this.referrals.byIds(ids)),
    ).load(id);
    return (await this.views.orNullIn(context, actor, [entity]))[0];
  }

  /**
   * The referral a live event carried, checked for the caller like a loaded one; for callers that
   * selected none of its stored text (see selectsStoredText), which the event does not carry.
   */
  async fromLive(
    context: RequestContext,
    actor: Actor,
    live: LiveReferral,
  ): Promise<ReferralModel | null> {
    return (await this.views.orNullIn(context, actor, [entityOfLive(live)]))[0];
  }
}
