import { Alert, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, type CombinedError } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { formatDate } from '../../format/time';
import type { ResultOf, VariablesOf } from '../../graphql/graphql';
import { enumsId } from '../../i18n/enums.id';
import { PROVINCES, regionName } from '../../reference/regions';
import { SEARCH_CASES } from '../cases/case-queries';

interface Search {
  reference: string;
  province: string;
  exploitation: string;
  from: string;
  to: string;
}

type CaseFilter = NonNullable<VariablesOf<typeof SEARCH_CASES>['filter']>;
type FoundCase = ResultOf<typeof SEARCH_CASES>['cases']['edges'][number]['node'];

const EMPTY: Search = { reference: '', province: '', exploitation: '', from: '', to: '' };

/** A local calendar date as the instant its day starts in the auditor's own time zone. */
const startOfLocalDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();
const startOfNextLocalDay = (date: string) => {
  const next = new Date(`${date}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};

/** The form as the API's filter: the server searches every case, not only a first page. */
function toFilter(search: Search): CaseFilter {
  return {
    reference: search.reference.trim() || null,
    regionCode: search.province || null,
    exploitationType: (search.exploitation || null) as CaseFilter['exploitationType'],
    openedFrom: search.from ? startOfLocalDay(search.from) : null,
    openedBefore: search.to ? startOfNextLocalDay(search.to) : null,
  };
}

/** The auditor's case search: by number, province of origin, exploitation type and date opened. */
export default function AuditScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState<Search>(EMPTY);
  const [search, setSearch] = useState<Search>(EMPTY);
  const filter = useMemo(() => toFilter(search), [search]);
  const [{ data, fetching, error }] = useQuery({ query: SEARCH_CASES, variables: { filter } });
  // Later pages, appended by "load more"; a new search starts from the first page again.
  const [more, setMore] = useState<{ rows: FoundCase[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);

  const firstRows = data?.cases.edges.map((e) => e.node) ?? [];
  const rows = more ? [...firstRows, ...more.rows] : firstRows;
  const cursor = more ? more.cursor : (data?.cases.pageInfo.endCursor ?? null);
  const hasMore = more ? more.cursor !== null : Boolean(data?.cases.pageInfo.hasNextPage);
  const total = data?.cases.totalCount ?? 0;

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    const result = await client.query(SEARCH_CASES, { filter, after: cursor }).toPromise();
    setLoadingMore(false);
    if (result.error) setMoreError(result.error);
    if (!result.data) return;
    const page = result.data.cases;
    setMore({
      rows: [...(more?.rows ?? []), ...page.edges.map((e) => e.node)],
      cursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
    });
  };

  const set = (key: keyof Search) => (value: string) => setDraft({ ...draft, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft);
    // A new search starts again from its first page.
    setMore(null);
    setMoreError(null);
  };
  const shownError = error ?? moreError;
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
      {shownError && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, shownError)}
        </Alert>
      )}
      <Text role="status">
        {fetching && !data
          ? t('app.loading')
          : rows.length < total
            ? t('audit.shown', { shown: rows.length, count: total })
            : t('audit.results', { count: total })}
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
      {hasMore && (
        <Button variant="default" onClick={() => void loadMore()} loading={loadingMore}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
