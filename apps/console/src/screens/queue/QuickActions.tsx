import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { errorText } from '../../format/errors';
import type { QueueReferralData } from '../../graphql/fragments';
import { seen } from '../../live/arrivals';
import { ACCEPT, ACKNOWLEDGE } from './queue-queries';

/**
 * The two actions an officer takes straight from the inbox: acknowledge receipt and accept.
 * Declining and redirecting need a reason or a unit: they are on the referral's page.
 */
export function QuickActions({
  referral,
  onResult,
}: {
  referral: QueueReferralData;
  onResult: (message: string, ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const [, acknowledge] = useMutation(ACKNOWLEDGE);
  const [, accept] = useMutation(ACCEPT);
  const [busy, setBusy] = useState(false);
  const run = async (action: 'acknowledge' | 'accept') => {
    setBusy(true);
    const vars = { id: referral.id, version: referral.version };
    const result = action === 'acknowledge' ? await acknowledge(vars) : await accept(vars);
    setBusy(false);
    seen(referral.id);
    const updated = result.data
      ? 'acknowledgeReferral' in result.data
        ? result.data.acknowledgeReferral
        : result.data.acceptReferral
      : null;
    if (updated)
      onResult(
        t('referral.done', {
          reference: updated.reference,
          status: t(`enum.status.${updated.status}`),
        }),
        true,
      );
    else onResult(`${referral.reference}: ${errorText(t, result.error)}`, false);
  };
  const canAcknowledge = referral.status === 'REQUESTED';
  const canAccept = referral.status === 'REQUESTED' || referral.status === 'RECEIVED';
  if (!canAcknowledge && !canAccept) return null;
  return (
    <Group gap={6} wrap="wrap">
      {canAcknowledge && (
        <Button
          size="sm"
          variant="outline"
          disabled={busy}
          onClick={() => void run('acknowledge')}
          aria-label={`${t('action.acknowledge')} ${referral.reference}`}
        >
          {t('action.acknowledge')}
        </Button>
      )}
      {canAccept && (
        <Button
          size="sm"
          color="teal"
          disabled={busy}
          onClick={() => void run('accept')}
          aria-label={`${t('action.accept')} ${referral.reference}`}
        >
          {t('action.accept')}
        </Button>
      )}
    </Group>
  );
}
