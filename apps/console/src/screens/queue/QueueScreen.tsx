import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { NextDeadline } from '../../components/NextDeadline';
import { PageTitle } from '../../components/PageTitle';
import { EscalationTag, PriorityTag, SlaTag, StatusTag } from '../../components/ReferralTags';
import { ReferralList, type Column } from '../../components/ReferralList';
import { Tag } from '../../components/Tag';
import { errorText } from '../../format/errors';
import { heldBeforeAcceptance } from '../../format/referral';
import { useArrivals } from '../../live/arrivals';
import type { Officer } from '../../session/session';
import { EMPTY_FILTER, tabCount, type QueueFilter, type QueueTab } from './queue-filter';
import { QueueFilters } from './QueueFilters';
import { QuickActions } from './QuickActions';
import { useQueue, type QueueKind, type QueueRow } from './use-queue';

export type { QueueKind };

type Row = QueueRow;

const TABS: QueueTab[] = ['action', 'handling', 'closed', 'all'];

export default function QueueScreen({ kind }: { kind: QueueKind; officer: Officer }) {
  const { t } = useTranslation();
  const inbox = kind === 'inbox';
  const arrivals = useArrivals();
  const narrow = useMediaQuery('(max-width: 599px)', false, { getInitialValueInEffect: false });
  const [filter, setFilter] = useState<QueueFilter>(EMPTY_FILTER);
  const { rows, counts, totalCount, hasMore, loadMore, loadingMore, fetching, error, refetch } =
    useQueue(kind, filter);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  // A quick action's button is disabled while it runs (focus drops to the page) and then gone
  // or moved with its row: the keyboard waits on what happened instead.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const title = t(`nav.${kind}`);
  // The server narrowed and ordered the whole queue, the most pressing first: shown as it came.
  const visible = rows;
  const newCount = rows.filter((r) => arrivals.has(r.id)).length;

  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('queue.columns.reference'),
      render: (r) => (
        <span>
          {inbox && r.status === 'REQUESTED' && (
            <span className="unread-dot" role="img" aria-label={t('queue.unread')} />
          )}
          <Link to={paths.referral(r.id)} fw={inbox && r.status === 'REQUESTED' ? 700 : 500}>
            {r.reference}
          </Link>{' '}
          {arrivals.has(r.id) && <Tag tone="orange">{t('queue.new')}</Tag>}
        </span>
      ),
    },
    { key: 'case', header: t('queue.columns.case'), render: (r) => r.case.reference },
    inbox
      ? { key: 'from', header: t('queue.columns.from'), render: (r) => r.fromUnit.name }
      : { key: 'to', header: t('queue.columns.to'), render: (r) => r.toUnit.name },
    {
      key: 'status',
      header: t('queue.columns.status'),
      render: (r) => (
        <>
          <StatusTag status={r.status} />
          {heldBeforeAcceptance(r) && (
            <>
              {' '}
              <Tag tone="gray">{t('queue.heldBeforeAcceptance')}</Tag>
            </>
          )}
        </>
      ),
    },
  ];
  if (kind === 'returned') {
    columns.push({
      key: 'reason',
      header: t('queue.returnedReason'),
      render: (r) => (
        <span>
          {r.rejectionReason ? t(`enum.reason.${r.rejectionReason}`) : '—'}
          {r.statusNote && <Text size="sm">“{r.statusNote}”</Text>}
        </span>
      ),
    });
    columns.push({
      key: 'actions',
      header: t('queue.columns.actions'),
      render: (r) => (
        <Link
          to={paths.compose(r.case.id, r.id)}
          className="link-button"
          aria-label={`${t('queue.resend')} ${r.reference}`}
        >
          {t('queue.resend')}
        </Link>
      ),
    });
  } else {
    columns.push(
      {
        key: 'priority',
        header: t('queue.columns.priority'),
        render: (r) => <PriorityTag priority={r.priority} />,
      },
      {
        key: 'services',
        header: t('queue.columns.services'),
        render: (r) => r.services.map((s) => t(`enum.service.${s}`)).join(', '),
      },
      {
        key: 'deadline',
        header: t('queue.columns.deadline'),
        render: (r) => <NextDeadline referral={r} />,
      },
      {
        key: 'sla',
        header: t('queue.columns.sla'),
        render: (r) => (
          <>
            <SlaTag sla={r.sla} /> <EscalationTag level={r.escalationLevel} />
          </>
        ),
      },
    );
    if (inbox) {
      columns.push({
        key: 'actions',
        header: t('queue.columns.actions'),
        render: (r) => (
          <QuickActions referral={r} onResult={(text, ok) => setNotice({ text, ok })} />
        ),
      });
    } else {
      columns.push({
        key: 'delivery',
        header: t('queue.columns.delivery'),
        render: (r) => t(`enum.delivery.${r.delivery}`),
      });
    }
  }

  return (
    <Stack gap="sm">
      <PageTitle text={title} />
      {newCount > 0 && inbox && (
        <Alert color="orange" variant="outline" role="status">
          {t('queue.newArrivals', { count: newCount })}
        </Alert>
      )}
      {notice && (
        <Alert
          ref={noticeRef}
          tabIndex={-1}
          color={notice.ok ? 'teal' : 'red'}
          variant="outline"
          role={notice.ok ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('action.close')}
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      {kind !== 'returned' && (
        <div className="tabs" role="group" aria-label={t('queue.status')}>
          {TABS.map((tab) => (
            <Button
              key={tab}
              variant={filter.tab === tab ? 'filled' : 'default'}
              aria-pressed={filter.tab === tab}
              onClick={() => setFilter({ ...filter, tab })}
            >
              {t(`queue.tabs.${tab}`)} ({tabCount(counts, tab, filter.status)})
            </Button>
          ))}
        </div>
      )}
      {narrow ? (
        <details className="filter-details">
          <summary>{t('queue.filters')}</summary>
          <QueueFilters filter={filter} onChange={setFilter} inbox={inbox} />
        </details>
      ) : (
        <QueueFilters filter={filter} onChange={setFilter} inbox={inbox} />
      )}
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}{' '}
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          >
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      <Group justify="space-between">
        <Text role="status">
          {fetching
            ? t('app.loading')
            : visible.length < totalCount
              ? t('queue.shown', { shown: visible.length, count: totalCount })
              : t('queue.count', { count: totalCount })}
        </Text>
      </Group>
      {!fetching && visible.length === 0 ? (
        <Text>{t('queue.empty')}</Text>
      ) : (
        <ReferralList
          rows={visible}
          columns={columns}
          caption={title}
          highlight={(r) => arrivals.has(r.id)}
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
