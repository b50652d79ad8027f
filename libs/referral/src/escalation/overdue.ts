import type { ReferralEntity } from '../entities/referral.entity';
import { ReferralStatus } from '../referral-enums';

/**
 * Past a deadline the referral is still waiting on: acknowledgeBy while REQUESTED, acceptBy while
 * REQUESTED or RECEIVED ("past" is strictly after, as for `sla`). The same rule as the `overdue`
 * query's SQL (OverdueReader) and the sweep's.
 */
export function isOverdue(
  referral: Pick<ReferralEntity, 'status' | 'acknowledgeBy' | 'acceptBy'>,
  now: Date,
): boolean {
  const past = (deadline: Date) => now.getTime() > deadline.getTime();
  switch (referral.status) {
    case ReferralStatus.REQUESTED:
      return past(referral.acknowledgeBy) || past(referral.acceptBy);
    case ReferralStatus.RECEIVED:
      return past(referral.acceptBy);
    default:
      return false;
  }
}
