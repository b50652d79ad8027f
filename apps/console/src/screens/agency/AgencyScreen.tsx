import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { NextDeadline } from '../../components/NextDeadline';
import { PageTitle } from '../../components/PageTitle';
import { PriorityTag, SlaTag, StatusTag } from '../../components/ReferralTags';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { useLiveTick } from '../../live/arrivals';
import type { Officer } from '../../session/session';
import { EMPTY_FILTER } from '../queue/queue-filter';
import { UNIT_COUNTS } from '../queue/queue-queries';
import { useQueue } from '../queue/use-queue';

/**
 * A supervisor's view of its agency: every referral addressed to any of its units (a
 * supervisor's inbox spans its agency), overdue and at-risk first over all of them (the server
 * orders the whole queue; 50 at a time with "load more"), with counts per unit the server
 * computes over all of them, not over the rows loaded.
 */
export default function AgencyScreen({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const tick = useLiveTick();
  const { rows, totalCount, hasMore, loadMore, loadingMore, fetching, error } = useQueue(
    'inbox',
    EMPTY_FILTER,
  );
  const [counts, refetchCounts] = useQuery({ query: UNIT_COUNTS });
  useEffect(() => {
    if (tick) refetchCounts({ requestPolicy: 'network-only' });
  }, [tick, refetchCounts]);
  const perUnit = useMemo(
    () =>
      [...(counts.data?.referralQueueUnitCounts ?? [])].sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.atRisk - a.atRisk ||
          b.open - a.open ||
          a.unit.name.localeCompare(b.unit.name),
      ),
    [counts.data],
  );
  // Units with nothing addressed to them fold away, so that the referrals stay in sight.
  const busy = perUnit.filter((u) => u.total > 0);
  const idle = perUnit.filter((u) => u.total === 0);
  return (
    <Stack gap="md">
      <PageTitle text={t('agency.title', { agency: officer.unit.agency.name })} />
      {(error ?? counts.error) && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error ?? counts.error)}
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
              <th scope="col">{t('agency.total')}</th>
            </tr>
          </thead>
          <tbody>
            {busy.map((u) => (
              <tr key={u.unit.id}>
                <th scope="row">{u.unit.name}</th>
                <td data-label={t('agency.open')}>{u.open}</td>
                <td data-label={t('agency.overdue')}>{u.overdue}</td>
                <td data-label={t('agency.atRisk')}>{u.atRisk}</td>
                <td data-label={t('agency.total')}>{u.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {idle.length > 0 && (
          <details>
            <summary>{t('agency.idleUnits', { count: idle.length })}</summary>
            <Text size="sm">{idle.map((u) => u.unit.name).join(', ')}</Text>
          </details>
        )}
        <Text size="sm" mt="xs">
          {t('agency.countsNote')}
        </Text>
      </section>
      <Text role="status">
        {fetching
          ? t('app.loading')
          : rows.length < totalCount
            ? t('queue.shown', { shown: rows.length, count: totalCount })
            : t('queue.count', { count: totalCount })}
      </Text>
      {fetching ? null : rows.length === 0 ? (
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
              render: (r) => <NextDeadline referral={r} />,
            },
            { key: 'sla', header: t('queue.columns.sla'), render: (r) => <SlaTag sla={r.sla} /> },
          ]}
        />
      )}
      {hasMore && (
        <Button variant="default" loading={loadingMore} onClick={() => void loadMore()}>
          {t('queue.more')}
        </Button>
      )}
    </Stack>
  );
}
