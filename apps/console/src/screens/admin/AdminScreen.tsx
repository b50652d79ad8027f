import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { RoutingRulesSection } from './RoutingRulesSection';
import { WebhooksSection } from './WebhooksSection';

/**
 * ADMIN's screen (`/pengaturan`): the alert routing rules, the webhook endpoints and the parked
 * deliveries — the API's alertRoutingRules, webhookEndpoints and parkedOutboxRows with their
 * mutations. Every change is on the ledger (the use cases write it).
 */
export default function AdminScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle text={t('adminScreen.title')} />
      <RoutingRulesSection />
      <WebhooksSection />
    </Stack>
  );
}
