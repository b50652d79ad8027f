import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../format/errors';
import { useLiveTick } from '../../live/arrivals';
import { AlertCard } from './AlertCard';
import { ALERT } from './alert-queries';

/**
 * One alert (`/peringatan/{id}`, where a notification about it leads): the alert, every receiving
 * unit with its delivery and acknowledgement, and the actions the API allows the caller's unit —
 * the feed's card, detailed. An alert the caller may not see is not found. Live: every event of
 * the unit reloads it.
 */
export default function AlertScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ALERT, variables: { id } });
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const tick = useLiveTick();
  useEffect(() => {
    if (tick) refetch({ requestPolicy: 'network-only' });
  }, [tick, refetch]);
  const onResult = (text: string, ok: boolean) => {
    setNotice({ text, ok });
    refetch({ requestPolicy: 'network-only' });
  };
  const alert = data?.alert;
  return (
    <Stack gap="md">
      <PageTitle text={alert ? `${t('alerts.title')} ${alert.reference}` : t('alerts.title')} />
      <Text>
        <Link to={paths.alerts}>{t('alertDetail.back')}</Link>
      </Text>
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
      ) : (
        alert && <AlertCard alert={alert} onResult={onResult} detailed />
      )}
    </Stack>
  );
}
