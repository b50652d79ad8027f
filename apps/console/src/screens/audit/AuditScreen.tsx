import { Alert, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { formatDate } from '../../format/time';
import { enumsId } from '../../i18n/enums.id';
import { PROVINCES, regionName } from '../../reference/regions';
import { CASES } from '../cases/case-queries';

interface Search {
  reference: string;
  province: string;
  exploitation: string;
  from: string;
  to: string;
}

const EMPTY: Search = { reference: '', province: '', exploitation: '', from: '', to: '' };

/** The auditor's case search: by number, province of origin, exploitation type and date opened. */
export default function AuditScreen() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CASES });
  const [draft, setDraft] = useState<Search>(EMPTY);
  const [search, setSearch] = useState<Search>(EMPTY);
  const rows = useMemo(() => {
    const reference = search.reference.trim().toUpperCase();
    const from = search.from ? Date.parse(`${search.from}T00:00:00`) : null;
    const to = search.to ? Date.parse(`${search.to}T23:59:59`) : null;
    return (data?.cases.edges.map((e) => e.node) ?? []).filter(
      (c) =>
        (!reference || c.reference.toUpperCase().includes(reference)) &&
        (!search.province || c.regionCode?.slice(0, 2) === search.province) &&
        (!search.exploitation ||
          c.exploitationTypes.includes(
            search.exploitation as (typeof c.exploitationTypes)[number],
          )) &&
        (from === null || Date.parse(c.openedAt) >= from) &&
        (to === null || Date.parse(c.openedAt) <= to),
    );
  }, [data, search]);
  const set = (key: keyof Search) => (value: string) => setDraft({ ...draft, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft);
  };
  return (
    <Stack gap="md">
      <PageTitle text={t('audit.title')} />
      <form onSubmit={submit} className="panel" role="search" aria-label={t('audit.search')}>
        <div className="filters">
          <TextInput
            label={t('audit.reference')}
            value={draft.reference}
            onChange={(e) => set('reference')(e.currentTarget.value)}
            placeholder="TPPO-2026-…"
          />
          <NativeSelect
            label={t('audit.province')}
            value={draft.province}
            onChange={(e) => set('province')(e.currentTarget.value)}
            data={[
              { value: '', label: t('queue.all') },
              ...PROVINCES.map((p) => ({ value: p.code, label: p.name })),
            ]}
          />
          <NativeSelect
            label={t('audit.exploitation')}
            value={draft.exploitation}
            onChange={(e) => set('exploitation')(e.currentTarget.value)}
            data={[
              { value: '', label: t('queue.all') },
              ...Object.keys(enumsId.exploitation).map((k) => ({
                value: k,
                label: t(`enum.exploitation.${k}`),
              })),
            ]}
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={draft.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={draft.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
          />
        </div>
        <Button type="submit">{t('audit.submit')}</Button>
      </form>
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      <Text role="status">
        {fetching && !data ? t('app.loading') : t('audit.results', { count: rows.length })}
      </Text>
      {rows.length > 0 && (
        <ReferralList
          rows={rows}
          caption={t('audit.title')}
          columns={[
            {
              key: 'reference',
              header: t('cases.reference'),
              render: (c) => <Link to={paths.auditCase(c.id)}>{c.reference}</Link>,
            },
            { key: 'title', header: t('cases.caseTitle'), render: (c) => c.title },
            { key: 'lead', header: t('cases.leadUnit'), render: (c) => c.leadUnit.name },
            { key: 'region', header: t('cases.region'), render: (c) => regionName(c.regionCode) },
            {
              key: 'exploitation',
              header: t('cases.exploitation'),
              render: (c) => c.exploitationTypes.map((x) => t(`enum.exploitation.${x}`)).join(', '),
            },
            { key: 'opened', header: t('cases.openedAt'), render: (c) => formatDate(c.openedAt) },
          ]}
        />
      )}
    </Stack>
  );
}
