import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import { REPLAY_OUTBOX_ROW, WEBHOOKS } from './admin-queries';

/**
 * Webhook endpoints (ADMIN) with what they have not received yet and why the last attempt failed,
 * and the parked outbox rows — webhook deliveries that ran out of retries among them — each
 * relayed again with Kirim ulang once the cause is fixed (docs/adr/0009-outbox-done-on-effect.md).
 */
export function WebhooksSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WEBHOOKS });
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [, replay] = useMutation(REPLAY_OUTBOX_ROW);

  const runReplay = async (row: { id: string; jobName: string }) => {
    const result = await replay({ id: row.id });
    setNotice(
      result.error
        ? { text: errorText(t, result.error) ?? '', ok: false }
        : { text: t('adminScreen.replayed', { job: row.jobName }), ok: true },
    );
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <section aria-labelledby="webhooks">
        <Title order={2} size="h3" id="webhooks">
          {t('adminScreen.webhooks')}
        </Title>
        {error && (
          <Alert color="red" variant="outline" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
        {fetching && !data && <Text role="status">{t('app.loading')}</Text>}
        {data &&
          (data.webhookEndpoints.length === 0 ? (
            <Text>{t('adminScreen.noWebhooks')}</Text>
          ) : (
            <ul>
              {data.webhookEndpoints.map((hook) => (
                <li key={hook.id}>
                  {hook.unitCode} — {hook.url}
                  {hook.active ? '' : ` · ${t('adminScreen.inactive')}`}
                  {' · '}
                  {t('adminScreen.pending', { count: hook.pendingDeliveries })}
                  {hook.lastDeliveredAt &&
                    ` · ${t('adminScreen.lastDelivered', { at: formatLocal(hook.lastDeliveredAt) })}`}
                  {hook.lastError && ` · ${t('adminScreen.lastError', { error: hook.lastError })}`}
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section aria-labelledby="parked">
        <Title order={2} size="h3" id="parked">
          {t('adminScreen.parked')}
        </Title>
        <Stack gap="sm" mt="xs">
          {notice && (
            <Alert color={notice.ok ? 'teal' : 'red'} variant="outline" role="status">
              {notice.text}
            </Alert>
          )}
          {data &&
            (data.parkedOutboxRows.length === 0 ? (
              <Text>{t('adminScreen.noParked')}</Text>
            ) : (
              data.parkedOutboxRows.map((row) => (
                <article key={row.id} className="panel" aria-label={`${row.jobName} ${row.id}`}>
                  <Text fw={700}>{row.jobName}</Text>
                  <Text size="sm">
                    {t('adminScreen.failures', { count: row.failures })}
                    {row.parkedAt &&
                      ` · ${t('adminScreen.parkedAt', { at: formatLocal(row.parkedAt) })}`}
                    {row.lastError && ` · ${row.lastError}`}
                  </Text>
                  <Button
                    size="sm"
                    variant="outline"
                    mt={6}
                    onClick={() => void runReplay(row)}
                    aria-label={`${t('adminScreen.replay')} ${row.jobName} ${row.id}`}
                  >
                    {t('adminScreen.replay')}
                  </Button>
                </article>
              ))
            ))}
        </Stack>
      </section>
    </>
  );
}
