import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Checkbox, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SaveCancelButtons } from '../../components/SaveCancelButtons';
import { errorText } from '../../format/errors';
import { CREATE_WEBHOOK, UPDATE_WEBHOOK, type WebhookData } from './admin-queries';
import { newWebhookSecret } from './webhook-secret';

/**
 * Adds a webhook endpoint to a unit (with a secret made here and shown once, by `onSaved`), or
 * changes an endpoint's URL and whether it is on. Rotating the secret is its own button in the
 * list: it needs no form, only the new secret shown once.
 */
export function WebhookForm({
  endpoint,
  units,
  onSaved,
  onCancel,
}: {
  endpoint: WebhookData | null;
  units: readonly { id: string; code: string; name: string }[];
  onSaved: (saved: WebhookData, secret: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(endpoint?.unitId ?? '');
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [active, setActive] = useState(endpoint?.active ?? true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, create] = useMutation(CREATE_WEBHOOK);
  const [, update] = useMutation(UPDATE_WEBHOOK);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!endpoint && !unitId) return setProblem(t('adminScreen.webhookChooseUnit'));
    if (!url.trim()) return setProblem(t('adminScreen.webhookUrlRequired'));
    setBusy(true);
    setProblem(null);
    if (endpoint) {
      const result = await update({ id: endpoint.id, input: { url: url.trim(), active } });
      setBusy(false);
      if (result.error || !result.data) return setProblem(errorText(t, result.error) ?? '');
      return onSaved(result.data.updateWebhookEndpoint, null);
    }
    const secret = newWebhookSecret();
    const result = await create({ input: { unitId, url: url.trim(), secret } });
    setBusy(false);
    if (result.error || !result.data) return setProblem(errorText(t, result.error) ?? '');
    onSaved(result.data.createWebhookEndpoint, secret);
  };

  const title = endpoint
    ? t('adminScreen.editWebhook', { unit: endpoint.unitCode })
    : t('adminScreen.newWebhook');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="panel" aria-label={title}>
      <Stack gap="sm">
        <Text fw={700}>{title}</Text>
        {!endpoint && (
          <NativeSelect
            label={t('adminScreen.webhookUnit')}
            required
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[
              { value: '', label: t('adminScreen.webhookChooseUnit') },
              ...[...units]
                .sort((a, b) => a.code.localeCompare(b.code))
                .map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` })),
            ]}
          />
        )}
        <TextInput
          label={t('adminScreen.webhookUrl')}
          description={t('adminScreen.webhookUrlHelp')}
          required
          type="url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        {endpoint && (
          <Checkbox
            label={t('adminScreen.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        {!endpoint && <Text size="sm">{t('adminScreen.webhookSecretMade')}</Text>}
        {problem && (
          <Text c="red.9" role="alert">
            {problem}
          </Text>
        )}
        <SaveCancelButtons
          save={t('adminScreen.save')}
          cancel={t('adminScreen.cancel')}
          busy={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
