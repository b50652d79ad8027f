import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { Deadline } from '../../components/Deadline';
import { PageTitle } from '../../components/PageTitle';
import { PriorityTag, SlaTag, StatusTag } from '../../components/ReferralTags';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { byUrgency, nextDeadline, OPEN_STATUSES } from '../../format/referral';
import { useLiveTick } from '../../live/arrivals';
import type { Officer } from '../../session/session';
import { INBOX } from '../queue/queue-queries';

/**
 * A supervisor's view of its agency: every referral addressed to any of its units (a
 * supervisor's inbox spans its agency), overdue and at-risk first, with counts per unit.
 */
export default function AgencyScreen({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const tick = useLiveTick();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: INBOX,
    variables: { first: 100, status: null, filter: null },
  });
  useEffect(() => {
    if (tick) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);
  const rows = useMemo(
    () => [...(data?.inbox.edges.map((e) => e.node) ?? [])].sort(byUrgency),
    [data],
  );
  const perUnit = useMemo(() => {
    const counts = new Map<
      string,
      { name: string; open: number; breached: number; atRisk: number }
    >();
    for (const r of rows) {
      const c = counts.get(r.toUnit.id) ?? { name: r.toUnit.name, open: 0, breached: 0, atRisk: 0 };
      if (OPEN_STATUSES.includes(r.status)) c.open++;
      if (r.sla === 'BREACHED') c.breached++;
      if (r.sla === 'AT_RISK') c.atRisk++;
      counts.set(r.toUnit.id, c);
    }
    return [...counts.values()].sort(
      (a, b) => b.breached - a.breached || b.atRisk - a.atRisk || a.name.localeCompare(b.name),
    );
  }, [rows]);
  return (
    <Stack gap="md">
      <PageTitle text={t('agency.title', { agency: officer.unit.agency.name })} />
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      <section aria-labelledby="per-unit" className="panel">
        <Title order={2} size="h3" id="per-unit" mb="xs">
          {t('agency.perUnit')}
        </Title>
        <table className="count-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.receiverUnit')}</th>
              <th scope="col">{t('agency.open')}</th>
              <th scope="col">{t('agency.overdue')}</th>
              <th scope="col">{t('agency.atRisk')}</th>
            </tr>
          </thead>
          <tbody>
            {perUnit.map((u) => (
              <tr key={u.name}>
                <th scope="row">{u.name}</th>
                <td>{u.open}</td>
                <td>{u.breached}</td>
                <td>{u.atRisk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {fetching && !data ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t('queue.empty')}</Text>
      ) : (
        <ReferralList
          rows={rows}
          caption={t('nav.agency')}
          columns={[
            {
              key: 'reference',
              header: t('queue.columns.reference'),
              render: (r) => <Link to={paths.referral(r.id)}>{r.reference}</Link>,
            },
            { key: 'to', header: t('queue.receiverUnit'), render: (r) => r.toUnit.name },
            { key: 'from', header: t('queue.columns.from'), render: (r) => r.fromUnit.name },
            {
              key: 'status',
              header: t('queue.columns.status'),
              render: (r) => <StatusTag status={r.status} />,
            },
            {
              key: 'priority',
              header: t('queue.columns.priority'),
              render: (r) => <PriorityTag priority={r.priority} />,
            },
            {
              key: 'deadline',
              header: t('queue.columns.deadline'),
              render: (r) => {
                const next = nextDeadline(r);
                return next ? (
                  <Deadline
                    at={next.at}
                    timeZone={r.toUnit.timeZone}
                    label={t(`referral.${next.kind}`)}
                  />
                ) : (
                  '—'
                );
              },
            },
            { key: 'sla', header: t('queue.columns.sla'), render: (r) => <SlaTag sla={r.sla} /> },
          ]}
        />
      )}
    </Stack>
  );
}
