import { Alert, Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { ExploitationChecks } from '../../components/ExploitationChecks';
import { PageTitle } from '../../components/PageTitle';
import { RegionSelects } from '../../components/RegionSelects';
import { errorText } from '../../format/errors';
import type { enumsId } from '../../i18n/enums.id';
import { OPEN_CASE } from './case-queries';
import { cleanPerson, EMPTY_PERSON, PersonFields, type PersonDraft } from './PersonFields';

type Exploitation = keyof typeof enumsId.exploitation;

export default function NewCaseScreen() {
  const { t } = useTranslation();
  const [, openCase] = useMutation(OPEN_CASE);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [province, setProvince] = useState('');
  const [regency, setRegency] = useState('');
  const [persons, setPersons] = useState<PersonDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per form: a double submit (slow link, second tap) opens one case, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || types.length === 0) return setError(t('caseForm.required'));
    setBusy(true);
    setError(null);
    const result = await openCase({
      input: {
        title: title.trim(),
        summary: summary.trim() || undefined,
        exploitationTypes: types as Exploitation[],
        regionCode: regency || province || undefined,
        persons: persons.map(cleanPerson),
        idempotencyKey,
      },
    });
    setBusy(false);
    if (result.data) navigate(paths.case(result.data.openCase.id));
    else setError(errorText(t, result.error));
  };

  return (
    <Stack gap="md">
      <PageTitle text={t('caseForm.title')} />
      <form onSubmit={(e) => void submit(e)} noValidate className="panel">
        <Stack gap="md">
          <TextInput
            label={t('caseForm.caseTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('caseForm.summary')}
            rows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
          <ExploitationChecks
            label={t('caseForm.exploitation')}
            withAsterisk
            value={types}
            onChange={setTypes}
          />
          <div className="filters">
            <RegionSelects
              province={province}
              regency={regency}
              onChange={(nextProvince, nextRegency) => {
                setProvince(nextProvince);
                setRegency(nextRegency);
              }}
              labels={{
                province: t('caseForm.province'),
                regency: t('caseForm.regency'),
                regencyNone: t('caseForm.regencyNone'),
              }}
            />
          </div>
          <fieldset className="person-fieldset">
            <legend>{t('caseForm.persons')}</legend>
            <Stack gap="md">
              {persons.map((p, i) => (
                <section key={i} aria-label={t('caseForm.person', { n: i + 1 })}>
                  <Group justify="space-between">
                    <Title order={2} size="h4">
                      {t('caseForm.person', { n: i + 1 })}
                    </Title>
                    <Button
                      variant="outline"
                      color="red"
                      onClick={() => setPersons(persons.filter((_, j) => j !== i))}
                    >
                      {t('caseForm.removePerson', { n: i + 1 })}
                    </Button>
                  </Group>
                  <PersonFields
                    n={i}
                    value={p}
                    onChange={(next) => setPersons(persons.map((q, j) => (j === i ? next : q)))}
                  />
                </section>
              ))}
              <div>
                <Button
                  variant="outline"
                  onClick={() => setPersons([...persons, { ...EMPTY_PERSON }])}
                >
                  {t('caseForm.addPerson')}
                </Button>
              </div>
            </Stack>
          </fieldset>
          {error && (
            <Alert color="red" variant="outline" role="alert">
              {error}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={busy} size="md">
              {t('caseForm.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
