import { badInput, isUuid, optionalText } from '@simpul/common';
import type { Priority, SlaState } from '@simpul/sla';
import type { ReferralQueueFilterInput } from './dto/referral-queue-filter.input';

export interface ReferralQueueFilter {
  priority: Priority[] | null;
  sla: SlaState[] | null;
  counterpartAgencyId: string | null;
  provinceCode: string | null;
  search: string | null;
}

/** Checks a queue filter before it reaches SQL, naming the field that is wrong. */
export function validQueueFilter(
  input: ReferralQueueFilterInput | null | undefined,
): ReferralQueueFilter {
  const counterpartAgencyId = input?.counterpartAgencyId ?? null;
  if (counterpartAgencyId !== null && !isUuid(counterpartAgencyId)) {
    throw badInput('filter.counterpartAgencyId', 'is not an id returned by this API');
  }
  const provinceCode = optionalText('filter.provinceCode', input?.provinceCode, 2);
  if (provinceCode && !/^\d{2}$/.test(provinceCode)) {
    throw badInput('filter.provinceCode', 'must be a Kemendagri province code such as 53');
  }
  return {
    priority: input?.priority?.length ? input.priority : null,
    sla: input?.sla?.length ? input.sla : null,
    counterpartAgencyId,
    provinceCode,
    search: optionalText('filter.search', input?.search, 40),
  };
}

export const NO_QUEUE_FILTER: ReferralQueueFilter = {
  priority: null,
  sla: null,
  counterpartAgencyId: null,
  provinceCode: null,
  search: null,
};
