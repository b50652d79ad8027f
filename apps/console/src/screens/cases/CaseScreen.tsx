import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/ReferralTags';
import { ReferralList } from '../../components/ReferralList';
import { Tag } from '../../components/Tag';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import { regionName } from '../../reference/regions';
import { ADD_PERSON, CASE } from './case-queries';
import { cleanPerson, EMPTY_PERSON, PersonFields, type PersonDraft } from './PersonFields';

function AddPerson({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [, addPerson] = useMutation(ADD_PERSON);
  const [draft, setDraft] = useState<PersonDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!draft) {
    return (
      <Button variant="outline" onClick={() => setDraft({ ...EMPTY_PERSON })}>
        {t('cases.addPerson')}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.fullName.trim()) return setError(t('caseForm.fullName'));
        void addPerson({ caseId, input: cleanPerson(draft) }).then((result) => {
          if (result.data) {
            setDraft(null);
            setError(null);
            onAdded();
          } else setError(errorText(t, result.error));
        });
      }}
      noValidate
    >
      <Stack gap="sm">
        <PersonFields n={0} value={draft} onChange={setDraft} />
        {error && (
          <Text c="red.9" role="alert">
            {error}
          </Text>
        )}
        <div className="actions-bar">
          <Button type="submit">{t('caseForm.savePerson')}</Button>
          <Button variant="default" onClick={() => setDraft(null)}>
            {t('action.back')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export default function CaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CASE, variables: { id } });
  const c = data?.case;
  if (fetching && !c) return <Text role="status">{t('app.loading')}</Text>;
  if (!c) {
    return (
      <Stack>
        <PageTitle text={t('cases.title')} />
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error) ?? t('errors.NOT_FOUND')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageTitle text={`${c.reference} — ${c.title}`} />
      <section className="panel" aria-label={c.reference}>
        <dl className="facts">
          <dt>{t('cases.status')}</dt>
          <dd>{t(`enum.caseStatus.${c.status}`)}</dd>
          <dt>{t('cases.leadUnit')}</dt>
          <dd>{c.leadUnit.name}</dd>
          <dt>{t('cases.region')}</dt>
          <dd>{regionName(c.regionCode)}</dd>
          <dt>{t('cases.exploitation')}</dt>
          <dd>{c.exploitationTypes.map((x) => t(`enum.exploitation.${x}`)).join(', ')}</dd>
          <dt>{t('cases.openedAt')}</dt>
          <dd>{formatLocal(c.openedAt)}</dd>
          {c.summary && (
            <>
              <dt>{t('caseForm.summary')}</dt>
              <dd>{c.summary}</dd>
            </>
          )}
        </dl>
        {c.status === 'OPEN' && (
          <Text mt="md">
            <Link to={paths.compose(c.id)} className="link-button">
              {t('cases.refer')}
            </Link>{' '}
            <Link to={paths.raiseCaseAlert(c.id)} className="link-button">
              {t('cases.raiseAlert')}
            </Link>
          </Text>
        )}
      </section>
      <section className="panel" aria-labelledby="case-persons">
        <Title order={2} size="h3" id="case-persons">
          {t('cases.persons')}
        </Title>
        {c.persons.length === 0 ? (
          <Text>{t('cases.noPersons')}</Text>
        ) : (
          <ul className="person-list">
            {c.persons.map((p) => (
              <li key={p.id}>
                <Text fw={700}>
                  {p.label}
                  {p.fullName ? ` — ${p.fullName}` : ''}{' '}
                  {p.isChild && <Tag tone="red">{t('caseForm.childFlag')}</Tag>}
                </Text>
                <Text size="sm">
                  {t(`enum.sex.${p.sex}`)}
                  {p.birthDate ? ` · ${p.birthDate}` : ''}
                  {p.nationalId ? ` · ${t('caseForm.nationalId')} ${p.nationalId}` : ''}
                  {p.passportNumber ? ` · ${t('caseForm.passportNumber')} ${p.passportNumber}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {c.status === 'OPEN' && (
          <div className="add-person">
            <AddPerson caseId={c.id} onAdded={() => refetch({ requestPolicy: 'network-only' })} />
          </div>
        )}
      </section>
      <section aria-labelledby="case-referrals">
        <Title order={2} size="h3" id="case-referrals" mb="xs">
          {t('cases.referrals')}
        </Title>
        {c.referrals.length === 0 ? (
          <Text>{t('cases.noReferrals')}</Text>
        ) : (
          <ReferralList
            rows={c.referrals}
            caption={t('cases.referrals')}
            columns={[
              {
                key: 'reference',
                header: t('queue.columns.reference'),
                render: (r) => <Link to={paths.referral(r.id)}>{r.reference}</Link>,
              },
              { key: 'from', header: t('queue.columns.from'), render: (r) => r.fromUnit.name },
              { key: 'to', header: t('queue.columns.to'), render: (r) => r.toUnit.name },
              {
                key: 'status',
                header: t('queue.columns.status'),
                render: (r) => <StatusTag status={r.status} />,
              },
              { key: 'sent', header: t('referral.sentAt'), render: (r) => formatLocal(r.sentAt) },
            ]}
          />
        )}
      </section>
    </Stack>
  );
}
