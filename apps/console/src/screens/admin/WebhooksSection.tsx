import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Tag } from '../../components/Tag';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import { REPLAY_OUTBOX_ROW, UPDATE_WEBHOOK, WEBHOOKS, type WebhookData } from './admin-queries';
import { WebhookForm } from './WebhookForm';
import { newWebhookSecret } from './webhook-secret';

/** A secret just made: shown once, until the ADMIN says it has been passed on. */
interface FreshSecret {
  unitCode: string;
  url: string;
  secret: string;
}

/**
 * Webhook endpoints (ADMIN): add one to a unit, change its URL, turn it off and on, rotate its
 * secret — a secret is made in the browser and shown once, since the API never returns it — with
 * what each has not received yet and why the last attempt failed; and the parked outbox rows —
 * webhook deliveries that ran out of retries among them, narrowed to one job on request — each
 * relayed again with Kirim ulang once the cause is fixed (docs/adr/0009-outbox-done-on-effect.md).
 */
export function WebhooksSection() {
  const { t } = useTranslation();
  // The parked rows of one job only, when the ADMIN asks (the API narrows, not the browser:
  // only the 100 longest parked are listed).
  const [jobName, setJobName] = useState('');
  const [parkedJob, setParkedJob] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WEBHOOKS,
    variables: { parked: parkedJob ? { jobName: parkedJob } : null },
  });
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [hookNotice, setHookNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [editing, setEditing] = useState<WebhookData | 'new' | null>(null);
  const [fresh, setFresh] = useState<FreshSecret | null>(null);
  const [rotating, setRotating] = useState<string | null>(null);
  const [, replay] = useMutation(REPLAY_OUTBOX_ROW);
  const [, update] = useMutation(UPDATE_WEBHOOK);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const saved = (hook: WebhookData, secret: string | null) => {
    setEditing(null);
    setHookNotice({ text: t('adminScreen.webhookSaved', { unit: hook.unitCode }), ok: true });
    if (secret) setFresh({ unitCode: hook.unitCode, url: hook.url, secret });
    reload();
  };

  const runRotate = async (hook: WebhookData) => {
    const secret = newWebhookSecret();
    const result = await update({ id: hook.id, input: { secret } });
    setRotating(null);
    if (result.error) {
      setHookNotice({ text: `${hook.unitCode}: ${errorText(t, result.error)}`, ok: false });
      return;
    }
    setHookNotice({ text: t('adminScreen.secretRotated', { unit: hook.unitCode }), ok: true });
    setFresh({ unitCode: hook.unitCode, url: hook.url, secret });
    reload();
  };

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
        <Text size="sm">{t('adminScreen.webhooksHelp')}</Text>
        <Stack gap="sm" mt="xs">
          {error && (
            <Alert color="red" variant="outline" role="alert">
              {errorText(t, error)}
            </Alert>
          )}
          {hookNotice && (
            <Alert color={hookNotice.ok ? 'teal' : 'red'} variant="outline" role="status">
              {hookNotice.text}
            </Alert>
          )}
          {fresh && (
            <section className="panel" aria-labelledby="fresh-secret">
              <Stack gap={6}>
                <Text fw={700} id="fresh-secret">
                  {t('adminScreen.secretOnceTitle', { unit: fresh.unitCode })}
                </Text>
                <Text size="sm">{t('adminScreen.secretOnce', { url: fresh.url })}</Text>
                <TextInput
                  label={t('adminScreen.secret')}
                  value={fresh.secret}
                  readOnly
                  onFocus={(e) => e.currentTarget.select()}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
                <Group>
                  <Button size="sm" variant="outline" onClick={() => setFresh(null)}>
                    {t('adminScreen.secretPassedOn')}
                  </Button>
                </Group>
              </Stack>
            </section>
          )}
          {fetching && !data && <Text role="status">{t('app.loading')}</Text>}
          {editing === 'new' && data ? (
            <WebhookForm
              endpoint={null}
              units={data.units}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <Group>
              <Button size="sm" onClick={() => setEditing('new')} disabled={!data}>
                {t('adminScreen.newWebhook')}
              </Button>
            </Group>
          )}
          {data &&
            (data.webhookEndpoints.length === 0 ? (
              <Text>{t('adminScreen.noWebhooks')}</Text>
            ) : (
              data.webhookEndpoints.map((hook) =>
                editing !== 'new' && editing?.id === hook.id ? (
                  <WebhookForm
                    key={hook.id}
                    endpoint={hook}
                    units={data.units}
                    onSaved={saved}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <article
                    key={hook.id}
                    className="panel"
                    aria-label={`${hook.unitCode} ${hook.url}`}
                  >
                    <Group gap="xs" wrap="wrap">
                      <Text fw={700}>{hook.unitCode}</Text>
                      <Text style={{ overflowWrap: 'anywhere' }}>{hook.url}</Text>
                      {!hook.active && <Tag tone="gray">{t('adminScreen.inactive')}</Tag>}
                    </Group>
                    <Text size="sm">
                      {t('adminScreen.pending', { count: hook.pendingDeliveries })}
                      {hook.lastDeliveredAt &&
                        ` · ${t('adminScreen.lastDelivered', { at: formatLocal(hook.lastDeliveredAt) })}`}
                      {hook.lastError &&
                        ` · ${t('adminScreen.lastError', { error: hook.lastError })}`}
                    </Text>
                    <Group gap={6} mt={6}>
                      <Button
                        size="sm"
                        variant="outline"
                        onClick={() => setEditing(hook)}
                        aria-label={`${t('adminScreen.edit')} ${hook.unitCode} ${hook.url}`}
                      >
                        {t('adminScreen.edit')}
                      </Button>
                      {rotating === hook.id ? (
                        <>
                          <Button
                            size="sm"
                            color="red"
                            onClick={() => void runRotate(hook)}
                            aria-label={`${t('adminScreen.confirmRotate')} ${hook.unitCode} ${hook.url}`}
                          >
                            {t('adminScreen.confirmRotate')}
                          </Button>
                          <Button size="sm" variant="subtle" onClick={() => setRotating(null)}>
                            {t('adminScreen.cancel')}
                          </Button>
                        </>
                      ) : (
                        <Button
                          size="sm"
                          variant="outline"
                          onClick={() => setRotating(hook.id)}
                          aria-label={`${t('adminScreen.rotateSecret')} ${hook.unitCode} ${hook.url}`}
                        >
                          {t('adminScreen.rotateSecret')}
                        </Button>
                      )}
                    </Group>
                  </article>
                ),
              )
            ))}
        </Stack>
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
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setParkedJob(jobName.trim() || null);
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('adminScreen.parkedJob')}
                description={t('adminScreen.parkedJobHelp')}
                value={jobName}
                onChange={(event) => setJobName(event.currentTarget.value)}
                maxLength={100}
              />
              <Button type="submit" size="sm" variant="outline">
                {t('adminScreen.parkedFilter')}
              </Button>
            </Group>
          </form>
          {data &&
            (data.parkedOutboxRows.length === 0 ? (
              <Text>
                {parkedJob
                  ? t('adminScreen.noParkedOfJob', { job: parkedJob })
                  : t('adminScreen.noParked')}
              </Text>
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
