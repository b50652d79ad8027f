import { Injectable } from '@nestjs/common';
import { byKeys, loaderFor, type RequestContext } from '@simpul/common';
import { toReferralModel } from './models/referral.mapper';
import type { ReferralModel } from './models/referral.model';
import { ReferralReader } from './referral.reader';

/**
 * Batched referral lookups for field resolvers under an object the caller could already see
 * (a linked referral shares the case; an event was reached through its case or referral).
 */
@Injectable()
export class ReferralLoader {
  constructor(private readonly referrals: ReferralReader) {}

  load(context: RequestContext, id: string): Promise<ReferralModel | null> {
    return loaderFor<ReferralModel>(context, 'referral.referral', async (ids) =>
      byKeys(ids, (await this.referrals.byIds(ids)).map(toReferralModel)),
    ).load(id);
  }
}
