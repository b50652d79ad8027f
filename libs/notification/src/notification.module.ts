import { Module } from '@nestjs/common';
import { DatabaseModule } from '@simpul/database';
import { DeliveryModule } from '@simpul/delivery';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { PrivacyModule } from '@simpul/privacy';
import { DeliverWebhookHandler } from './jobs/deliver-webhook.handler';
import { NotifyHandoffEventsHandler } from './jobs/notify-handoff-events.handler';
import { SendNotificationEmailHandler } from './jobs/send-notification-email.handler';
import { MailTransport } from './mail/mail-transport';
import { NotificationBus } from './notification-bus';
import { NotificationReader } from './notification.reader';
import { NotificationResolver } from './resolvers/notification.resolver';
import { WebhookAdminResolver } from './resolvers/webhook-admin.resolver';
import { HiddenEscalations } from './hidden-escalations';
import { SubjectReferences } from './subject-references';
import { CreateWebhookEndpointUseCase } from './use-cases/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpointUseCase } from './use-cases/delete-webhook-endpoint.use-case';
import { MarkAllNotificationsReadUseCase } from './use-cases/mark-all-notifications-read.use-case';
import { MarkNotificationReadUseCase } from './use-cases/mark-notification-read.use-case';
import { SetOfficerWorkEmailUseCase } from './use-cases/set-officer-work-email.use-case';
import { UpdateWebhookEndpointUseCase } from './use-cases/update-webhook-endpoint.use-case';
import { WebhookEndpoints } from './webhook/webhook-endpoints';

export const NOTIFICATION_USE_CASES = [
  MarkNotificationReadUseCase,
  MarkAllNotificationsReadUseCase,
  CreateWebhookEndpointUseCase,
  UpdateWebhookEndpointUseCase,
  DeleteWebhookEndpointUseCase,
  SetOfficerWorkEmailUseCase,
];

/**
 * Notifications for the gateway: the officer's notifications, webhook and work-email
 * administration, and the bus `notificationAdded` listens on.
 */
@Module({
  imports: [DatabaseModule, DeliveryModule, IdentityModule, LedgerModule, PrivacyModule],
  providers: [
    NotificationBus,
    NotificationReader,
    WebhookEndpoints,
    ...NOTIFICATION_USE_CASES,
    NotificationResolver,
    WebhookAdminResolver,
  ],
  exports: [NotificationBus, NotificationReader, ...NOTIFICATION_USE_CASES],
})
export class NotificationModule {}

/**
 * Notifications for the worker: sealed ledger batches → notifications, emails and webhook
 * deliveries, and the jobs that send them. No GraphQL.
 */
@Module({
  imports: [DatabaseModule, DeliveryModule, LedgerModule, PrivacyModule],
  providers: [
    NotificationBus,
    SubjectReferences,
    HiddenEscalations,
    MailTransport,
    NotifyHandoffEventsHandler,
    SendNotificationEmailHandler,
    DeliverWebhookHandler,
  ],
})
export class NotificationWorkerModule {}
