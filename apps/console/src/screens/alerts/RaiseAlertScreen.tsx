import {
  Alert,
  Button,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link, navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { ExploitationChecks } from '../../components/ExploitationChecks';
import { PageTitle } from '../../components/PageTitle';
import { RegionSelects } from '../../components/RegionSelects';
import { errorText } from '../../format/errors';
import { enumsId } from '../../i18n/enums.id';
import { PREVIEW_ROUTING, RAISE_ALERT } from './alert-queries';

type AlertType = keyof typeof enumsId.alertType;
type Severity = keyof typeof enumsId.severity;
type Exploitation = keyof typeof enumsId.exploitation;

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * The raise-alert form for investigators and immigration officers, with the units that will
 * receive the alert shown as the routing rules choose them now (previewAlertRouting), before it
 * is sent. Opened from a case's page (`caseId`), it raises an alert linked to that case, which any
 * party of the case may do.
 */
export default function RaiseAlertScreen({ caseId }: { caseId: string | null }) {
  const { t } = useTranslation();
  const [type, setType] = useState<AlertType>('SUSPECTED_TRAFFICKING');
  const [severity, setSeverity] = useState<Severity>('HIGH');
  const [province, setProvince] = useState('');
  const [regency, setRegency] = useState('');
  const [country, setCountry] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [, raise] = useMutation(RAISE_ALERT);

  const countryCode = COUNTRY.test(country.trim()) ? country.trim().toUpperCase() : null;
  const facts = {
    type,
    severity,
    regionCode: regency || province || null,
    countryCode,
    exploitationTypes: types as Exploitation[],
  };
  const [preview] = useQuery({ query: PREVIEW_ROUTING, variables: { input: facts } });
  const receivers = preview.data?.previewAlertRouting ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim()) return setError(t('alertForm.required'));
    setBusy(true);
    setError(null);
    const result = await raise({
      input: { ...facts, summary: summary.trim(), idempotencyKey, caseId },
    });
    setBusy(false);
    if (result.data) navigate(paths.alerts);
    else setError(errorText(t, result.error));
  };

  return (
    <Stack gap="md">
      <PageTitle text={t('alertForm.title')} />
      {caseId && (
        <Text>
          {t('alertForm.forCase')} <Link to={paths.case(caseId)}>{t('alertForm.backToCase')}</Link>
        </Text>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="panel">
        <Stack gap="md">
          <div className="filters">
            <NativeSelect
              label={t('alertForm.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as AlertType)}
              data={Object.keys(enumsId.alertType).map((k) => ({
                value: k,
                label: t(`enum.alertType.${k}`),
              }))}
            />
            <NativeSelect
              label={t('alertForm.severity')}
              value={severity}
              onChange={(e) => setSeverity(e.currentTarget.value as Severity)}
              data={Object.keys(enumsId.severity).map((k) => ({
                value: k,
                label: t(`enum.severity.${k}`),
              }))}
            />
          </div>
          <div className="filters">
            <RegionSelects
              province={province}
              regency={regency}
              onChange={(nextProvince, nextRegency) => {
                setProvince(nextProvince);
                setRegency(nextRegency);
              }}
              labels={{
                province: t('alertForm.province'),
                regency: t('alertForm.regency'),
                regencyNone: t('alertForm.regencyNone'),
              }}
            />
            <TextInput
              label={t('alertForm.country')}
              value={country}
              maxLength={2}
              onChange={(e) => setCountry(e.currentTarget.value)}
            />
          </div>
          <ExploitationChecks
            label={t('alertForm.exploitation')}
            value={types}
            onChange={setTypes}
          />
          <Textarea
            label={t('alertForm.summary')}
            required
            rows={3}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
          <section aria-labelledby="alert-preview" aria-live="polite">
            <Title order={2} size="h4" id="alert-preview">
              {t('alertForm.preview')} ({receivers.length})
            </Title>
            {receivers.length ? (
              <ul>
                {receivers.map((unit) => (
                  <li key={unit.id}>
                    {unit.name} ({unit.code})
                  </li>
                ))}
              </ul>
            ) : (
              <Text>{t('alertForm.previewEmpty')}</Text>
            )}
          </section>
          {error && (
            <Alert color="red" variant="outline" role="alert">
              {error}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={busy} size="md">
              {t('alertForm.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
