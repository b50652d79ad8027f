import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/UnitPicker';
import { errorText } from '../../format/errors';
import { QueueReferral } from '../../graphql/fragments';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql';
import { enumsId } from '../../i18n/enums.id';

const COMPOSE = graphql(`
  query Compose($caseId: ID!) {
    case(id: $caseId) {
      id
      reference
      title
      persons {
        id
        label
        fullName
        isChild
      }
    }
  }
`);

/** Resending from Dikembalikan: the declined referral the form starts from. */
const PREVIOUS = graphql(
  `
    query ComposeFrom($id: ID!) {
      referral(id: $id) {
        ...QueueReferral
        lawfulBasis
      }
    }
  `,
  [QueueReferral],
);

const SEND = graphql(`
  mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) {
      id
      reference
    }
  }
`);

type Input = VariablesOf<typeof SEND>['input'];
type Basis = NonNullable<Input['lawfulBasis']>['basis'];

type ComposeData = ResultOf<typeof COMPOSE>;
type Previous = ResultOf<typeof PREVIOUS>['referral'];

/** A referral from a case: to whom, which services, how urgent, what to say, whose identity. */
export default function ComposeScreen({
  caseId,
  fromReferralId,
}: {
  caseId: string;
  fromReferralId: string | null;
}) {
  const { t } = useTranslation();
  const [{ data, error: caseError }] = useQuery({ query: COMPOSE, variables: { caseId } });
  // Paused without a referral to resend: an id is only ever sent when there is one.
  const [{ data: from, error: fromError }] = useQuery({
    query: PREVIOUS,
    variables: { id: fromReferralId ?? '' },
    pause: !fromReferralId,
  });
  const loadError = caseError ?? fromError;
  const c = data?.case;
  const previous = from?.referral ?? null;
  if (!c || (fromReferralId && !previous)) {
    return (
      <Stack>
        <PageTitle text={t('composer.title', { reference: '' })} />
        {loadError ? (
          <Alert color="red" variant="outline" role="alert">
            {errorText(t, loadError)}
          </Alert>
        ) : (
          <Text role="status">{t('app.loading')}</Text>
        )}
      </Stack>
    );
  }
  return <ComposeForm c={c} previous={previous} />;
}

/**
 * The form; resending from Dikembalikan starts from the declined referral's content (unit,
 * services, priority, summary, basis), ready to change and send again.
 */
function ComposeForm({
  c,
  previous,
}: {
  c: NonNullable<ComposeData['case']>;
  previous: Previous | null;
}) {
  const { t } = useTranslation();
  const [, send] = useMutation(SEND);
  const [toUnitId, setToUnitId] = useState<string | null>(previous?.toUnit.id ?? null);
  const [services, setServices] = useState<string[]>(previous?.services ?? []);
  const [priority, setPriority] = useState<Input['priority']>(previous?.priority ?? 'URGENT');
  const [summary, setSummary] = useState(previous?.summary ?? '');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [basis, setBasis] = useState<Basis | ''>(previous?.lawfulBasis ?? '');
  const [consentReference, setConsentReference] = useState('');
  // undefined: the hub decides (police investigations are confidential by default).
  const [confidential, setConfidential] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per form: a double submit (slow link, second tap) sends one referral, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!toUnitId || services.length === 0 || !summary.trim())
      return setError(t('composer.required'));
    if (personIds.length && !basis) return setError(t('composer.basisRequired'));
    if (basis === 'CONSENT' && !consentReference.trim())
      return setError(t('composer.consentRequired'));
    setBusy(true);
    setError(null);
    const result = await send({
      input: {
        caseId: c.id,
        toUnitId,
        services: services as Input['services'],
        priority,
        summary: summary.trim(),
        personIds,
        lawfulBasis:
          personIds.length && basis
            ? { basis, consentReference: basis === 'CONSENT' ? consentReference.trim() : undefined }
            : undefined,
        confidential,
        idempotencyKey,
      },
    });
    setBusy(false);
    if (result.data) navigate(paths.referral(result.data.sendReferral.id));
    else setError(errorText(t, result.error));
  };

  return (
    <Stack gap="md">
      <PageTitle
        text={
          previous
            ? t('composer.resendTitle', { reference: previous.reference })
            : t('composer.title', { reference: c.reference })
        }
      />
      {previous?.rejectionReason && (
        <Alert color="orange" variant="outline" role="note">
          <Text fw={600}>
            {t('composer.rejectedBecause', {
              unit: previous.toUnit.name,
              reason: t(`enum.reason.${previous.rejectionReason}`),
            })}
          </Text>
          {previous.statusNote && (
            <Text>{t('composer.rejectedNote', { note: previous.statusNote })}</Text>
          )}
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="two-columns">
          <Stack gap="md" className="panel">
            <Checkbox.Group
              label={t('composer.services')}
              withAsterisk
              value={services}
              onChange={setServices}
            >
              <div className="check-grid">
                {Object.keys(enumsId.service).map((s) => (
                  <Checkbox key={s} value={s} label={t(`enum.service.${s}`)} />
                ))}
              </div>
            </Checkbox.Group>
            <NativeSelect
              label={t('composer.priority')}
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value as Input['priority'])}
              data={(['EMERGENCY', 'URGENT', 'ROUTINE'] as const).map((p) => ({
                value: p,
                label: t(`enum.priority.${p}`),
              }))}
            />
            <Textarea
              label={t('composer.summary')}
              required
              rows={4}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
            />
            {c.persons.length > 0 && (
              <Checkbox.Group
                label={t('composer.persons')}
                description={t('composer.personsHelp')}
                value={personIds}
                onChange={setPersonIds}
              >
                {c.persons.map((p) => (
                  <Checkbox
                    key={p.id}
                    value={p.id}
                    label={`${p.label}${p.fullName ? ` — ${p.fullName}` : ''}${p.isChild ? ` (${t('caseForm.childFlag')})` : ''}`}
                  />
                ))}
              </Checkbox.Group>
            )}
            {personIds.length > 0 && (
              <NativeSelect
                label={t('composer.basis')}
                required
                value={basis}
                onChange={(e) => setBasis(e.currentTarget.value as Basis)}
                data={[
                  { value: '', label: '—' },
                  ...Object.keys(enumsId.basis).map((b) => ({
                    value: b,
                    label: t(`enum.basis.${b}`),
                  })),
                ]}
              />
            )}
            {personIds.length > 0 && basis === 'CONSENT' && (
              <TextInput
                label={t('composer.consentReference')}
                required
                value={consentReference}
                onChange={(e) => setConsentReference(e.currentTarget.value)}
              />
            )}
            <Checkbox
              label={t('composer.confidential')}
              description={t('composer.confidentialHelp')}
              checked={confidential ?? services.includes('INVESTIGATION')}
              onChange={(e) => setConfidential(e.currentTarget.checked)}
            />
          </Stack>
          <Stack gap="md" className="panel">
            <UnitPicker value={toUnitId} onChange={(u) => setToUnitId(u.id)} />
          </Stack>
        </div>
        {error && (
          <Alert color="red" variant="outline" role="alert" mt="md">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={busy} size="md" mt="md">
          {t('composer.submit')}
        </Button>
      </form>
    </Stack>
  );
}
