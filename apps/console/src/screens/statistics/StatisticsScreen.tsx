import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { formatDate } from '../../format/time';
import { regionName } from '../../reference/regions';
import { AgencyChart } from './AgencyChart';
import { downloadEvaluationCsv } from './download-evaluation-csv';
import { HANDOFF_STATS, PING_PONG_CASES, type AgencyStats } from './statistics-queries';
import type { Officer } from '../../session/session';

/** YYYY-MM of a date in WIB, as the statistics bucket months. */
const monthOf = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' })
    .format(date)
    .slice(0, 7);
const firstOfYear = () => `${monthOf(new Date()).slice(0, 4)}-01`;
const minutes = (value: number | null) => (value === null ? '—' : Math.round(value).toString());

/**
 * Statistik: what auditors and the Gugus Tugas ask of the hub — handoffs per agency as a chart and
 * a table, ping-pong cases, and the anonymised evaluation statistics as CSV.
 */
export default function StatisticsScreen({ officer }: { officer: Officer }) {
  // A case opens where the officer can read it: auditors in the audit view, parties on its page.
  const caseLink = (id: string) =>
    officer.roles.includes('AUDITOR') ? paths.auditCase(id) : paths.case(id);
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from: firstOfYear(), to: monthOf(new Date()) });
  const [period, setPeriod] = useState(draft);
  const variables = useMemo(
    () => ({
      from: new Date(`${period.from}-01T00:00:00+07:00`).toISOString(),
      to: nextMonth(period.to),
    }),
    [period],
  );
  const [stats] = useQuery({ query: HANDOFF_STATS, variables });
  const [pingPong] = useQuery({ query: PING_PONG_CASES });
  const [download, setDownload] = useState<{
    state: 'idle' | 'busy' | 'done' | 'error';
    message?: string;
  }>({
    state: 'idle',
  });
  const rows = useMemo(
    () => [...(stats.data?.handoffStats ?? [])].sort((a, b) => b.received - a.received),
    [stats.data],
  );
  const categories = useMemo(() => rows.map((r) => r.agency.code), [rows]);
  const series = useMemo(
    () =>
      (['received', 'accepted', 'rejected', 'redirected', 'breached'] as const).map((key) => ({
        name: t(`statistics.${key}`),
        values: rows.map((r: AgencyStats) => r[key]),
      })),
    [rows, t],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  const exportCsv = async () => {
    setDownload({ state: 'busy' });
    try {
      await downloadEvaluationCsv(period.from, period.to);
      setDownload({ state: 'done' });
    } catch (error) {
      setDownload({
        state: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return (
    <Stack gap="md">
      <PageTitle text={t('statistics.title')} />
      <form onSubmit={submit} className="panel" aria-label={t('statistics.period')}>
        <div className="filters">
          <TextInput
            label={t('statistics.fromMonth')}
            type="month"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            label={t('statistics.toMonth')}
            type="month"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </div>
        <Button type="submit">{t('statistics.show')}</Button>
      </form>

      <section aria-labelledby="stats-agencies">
        <Title order={2} id="stats-agencies">
          {t('statistics.perAgency')}
        </Title>
        {stats.error && (
          <Alert color="red" variant="outline" role="alert">
            {errorText(t, stats.error)}
          </Alert>
        )}
        {stats.fetching && !stats.data && <Text role="status">{t('app.loading')}</Text>}
        {stats.data && rows.length === 0 && <Text>{t('statistics.none')}</Text>}
        {rows.length > 0 && (
          <>
            <AgencyChart
              categories={categories}
              series={series}
              label={t('statistics.chartLabel')}
            />
            <ReferralList
              rows={rows.map((r) => ({ ...r, id: r.agency.id }))}
              caption={t('statistics.perAgency')}
              columns={[
                {
                  key: 'agency',
                  header: t('statistics.agency'),
                  render: (r) => `${r.agency.name} (${r.agency.code})`,
                },
                { key: 'received', header: t('statistics.received'), render: (r) => r.received },
                { key: 'accepted', header: t('statistics.accepted'), render: (r) => r.accepted },
                { key: 'rejected', header: t('statistics.rejected'), render: (r) => r.rejected },
                {
                  key: 'redirected',
                  header: t('statistics.redirected'),
                  render: (r) => r.redirected,
                },
                { key: 'breached', header: t('statistics.breached'), render: (r) => r.breached },
                {
                  key: 'medianReceive',
                  header: t('statistics.medianReceive'),
                  render: (r) => minutes(r.medianMinutesToReceive),
                },
                {
                  key: 'medianAccept',
                  header: t('statistics.medianAccept'),
                  render: (r) => minutes(r.medianMinutesToAccept),
                },
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="stats-ping-pong">
        <Title order={2} id="stats-ping-pong">
          {t('statistics.pingPong')}
        </Title>
        <Text size="sm">{t('statistics.pingPongHelp')}</Text>
        {pingPong.error && (
          <Alert color="red" variant="outline" role="alert">
            {errorText(t, pingPong.error)}
          </Alert>
        )}
        {pingPong.data && pingPong.data.pingPongCases.length === 0 && (
          <Text>{t('statistics.noPingPong')}</Text>
        )}
        {pingPong.data && pingPong.data.pingPongCases.length > 0 && (
          <ReferralList
            rows={pingPong.data.pingPongCases.map((c) => ({ ...c, id: c.caseId }))}
            caption={t('statistics.pingPong')}
            columns={[
              {
                key: 'reference',
                header: t('cases.reference'),
                render: (c) =>
                  c.case ? (
                    <Link to={caseLink(c.case.id)}>{c.caseReference}</Link>
                  ) : (
                    c.caseReference
                  ),
              },
              {
                key: 'region',
                header: t('cases.region'),
                render: (c) => regionName(c.provinceCode),
              },
              { key: 'bounces', header: t('statistics.bounces'), render: (c) => c.bounces },
              {
                key: 'last',
                header: t('statistics.lastBounce'),
                render: (c) => formatDate(c.lastBounceAt),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="stats-evaluation" className="panel">
        <Title order={2} id="stats-evaluation">
          {t('statistics.evaluation')}
        </Title>
        <Text size="sm">{t('statistics.evaluationHelp')}</Text>
        <Button onClick={() => void exportCsv()} loading={download.state === 'busy'}>
          {t('statistics.downloadCsv', { from: period.from, to: period.to })}
        </Button>
        <Text role="status" size="sm">
          {download.state === 'busy' && t('statistics.downloading')}
          {download.state === 'done' && t('statistics.downloaded')}
        </Text>
        {download.state === 'error' && (
          <Alert color="red" variant="outline" role="alert">
            {t('statistics.downloadFailed', { message: download.message })}
          </Alert>
        )}
      </section>
    </Stack>
  );
}

/** The first instant after month `YYYY-MM` ends, in WIB. */
function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return new Date(`${next}-01T00:00:00+07:00`).toISOString();
}
