import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { EscalationTag, PriorityTag } from '../../components/ReferralTags';
import { ReferralList, type Column } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import type { ResultOf } from '../../graphql/graphql';
import { useLiveTick } from '../../live/arrivals';
import { OVERDUE } from './overdue-queries';

type Row = ResultOf<typeof OVERDUE>['overdue']['edges'][number]['node'];

/**
 * Referrals still waiting past a deadline, the longest overdue first: a supervisor's agency's, a
 * Gugus Tugas's province's too, everything for an auditor (the `overdue` query decides). A row
 * links to the referral only when the caller may open it.
 */
export default function OverdueScreen() {
  const { t } = useTranslation();
  const tick = useLiveTick();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OVERDUE });
  useEffect(() => {
    if (tick) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);
  const rows = data?.overdue.edges.map((edge) => edge.node) ?? [];
  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('overdue.columns.reference'),
      render: (r) =>
        r.referral ? <Link to={paths.referral(r.id)}>{r.reference}</Link> : r.reference,
    },
    { key: 'toUnit', header: t('overdue.columns.toUnit'), render: (r) => r.toUnit.name },
    { key: 'fromUnit', header: t('overdue.columns.fromUnit'), render: (r) => r.fromUnit.name },
    {
      key: 'priority',
      header: t('overdue.columns.priority'),
      render: (r) => <PriorityTag priority={r.priority} />,
    },
    {
      key: 'deadline',
      header: t('overdue.columns.deadline'),
      render: (r) =>
        `${t(`overdue.deadline.${r.deadline}`)} · ${formatLocal(r.dueAt, r.toUnit.timeZone)}`,
    },
    {
      key: 'level',
      header: t('overdue.columns.level'),
      render: (r) => <EscalationTag level={r.escalationLevel} overdue />,
    },
  ];
  return (
    <Stack gap="md">
      <PageTitle text={t('overdue.title')} />
      <Text c="dimmed">{t('overdue.intro')}</Text>
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      {data && <Text role="status">{t('overdue.count', { count: data.overdue.totalCount })}</Text>}
      {rows.length > 0 ? (
        <ReferralList rows={rows} columns={columns} caption={t('overdue.title')} />
      ) : (
        !fetching && !error && <Text>{t('overdue.none')}</Text>
      )}
      <Group>
        <Button variant="default" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t(error ? 'app.retry' : 'app.reload')}
        </Button>
      </Group>
    </Stack>
  );
}
