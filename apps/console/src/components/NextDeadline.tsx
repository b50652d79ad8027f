import { useTranslation } from 'react-i18next';
import type { QueueReferralData } from '../graphql/fragments';
import { nextDeadline } from '../format/referral';
import { Deadline } from './Deadline';

/**
 * The deadline a referral waits on now (acknowledge, then accept), in the receiving unit's zone,
 * since the receiving unit is the one that must meet it; a dash when it waits on none.
 */
export function NextDeadline({
  referral,
}: {
  referral: Pick<QueueReferralData, 'status' | 'acknowledgeBy' | 'acceptBy' | 'toUnit'>;
}) {
  const { t } = useTranslation();
  const next = nextDeadline(referral);
  return next ? (
    <Deadline at={next.at} timeZone={referral.toUnit.timeZone} label={t(`referral.${next.kind}`)} />
  ) : (
    '—'
  );
}
