import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../format/errors';
import { useLiveTick } from '../../live/arrivals';
import type { Officer } from '../../session/session';
import { AlertCard } from './AlertCard';
import { ALERTS, type FeedAlertData } from './alert-queries';

const OPEN = new Set(['RAISED', 'ACKNOWLEDGED']);

/** Open, delivered to the caller's unit and not acknowledged by it yet: what needs the desk now. */
export const awaitsMe = (alert: FeedAlertData): boolean =>
  OPEN.has(alert.status) && !!alert.myDelivery && !alert.myDelivery.acknowledgedAt;

/** Alerts loaded at first and added by each "load more". */
const PAGE = 50;

/**
 * The unit's alerts feed: those waiting for its acknowledgement first, most severe first, then
 * the rest, newest first in each — ordered by the server over all of them (URGENT_FIRST), so an
 * old unacknowledged CRITICAL alert is on the first page however many others there are. Live:
 * every event of the unit (an alert delivered, acknowledged, closed) reloads what is shown.
 */
export default function AlertsScreen({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ALERTS,
    variables: { first },
  });
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const tick = useLiveTick();
  useEffect(() => {
    if (tick) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);
  const alerts = data?.alerts.edges.map((e) => e.node) ?? [];
  const waiting = alerts.filter(awaitsMe);
  const others = alerts.filter((a) => !awaitsMe(a));
  const onResult = (text: string, ok: boolean) => {
    setNotice({ text, ok });
    refetch({ requestPolicy: 'network-only' });
  };
  const raises = officer.roles.includes('INVESTIGATOR') || officer.unit.agency.kind === 'IMIGRASI';
  return (
    <Stack gap="md">
      <PageTitle text={t('alerts.title')} />
      {raises && (
        <Text>
          <Link to={paths.raiseAlert} className="link-button">
            {t('nav.raiseAlert')}
          </Link>
        </Text>
      )}
      {notice && (
        <Alert color={notice.ok ? 'teal' : 'red'} variant="outline" role="status">
          {notice.text}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      {fetching && !data ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : alerts.length === 0 ? (
        <Text>{t('alerts.empty')}</Text>
      ) : (
        <>
          <section aria-labelledby="alerts-waiting">
            <Title order={2} size="h3" id="alerts-waiting">
              {t('alerts.waiting')} ({waiting.length})
            </Title>
            <Stack gap="sm" mt="xs">
              {waiting.map((alert) => (
                <AlertCard key={alert.id} alert={alert} onResult={onResult} />
              ))}
            </Stack>
          </section>
          <section aria-labelledby="alerts-others">
            <Title order={2} size="h3" id="alerts-others">
              {t('alerts.others')} ({others.length})
            </Title>
            <Stack gap="sm" mt="xs">
              {others.map((alert) => (
                <AlertCard key={alert.id} alert={alert} onResult={onResult} />
              ))}
            </Stack>
          </section>
          <Text size="sm">
            {t('alerts.shown', { shown: alerts.length, count: data?.alerts.totalCount ?? 0 })}
          </Text>
          {data?.alerts.pageInfo.hasNextPage && (
            <Button variant="default" onClick={() => setFirst(first + PAGE)} loading={fetching}>
              {t('alerts.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
