import { Module } from '@nestjs/common';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { DeliveryWorkerModule } from '@simpul/delivery';
import { InsightWorkerModule } from '@simpul/insight';
import { LedgerModule, LedgerSequencerModule } from '@simpul/ledger';
import { LoggerModule } from '@simpul/observability';
import { NotificationWorkerModule } from '@simpul/notification';
import { ReferralWorkerModule } from '@simpul/referral';
import { WorkerMetricsServer } from './worker-metrics.server';
import { AlertWorkerModule } from '@simpul/alert';

/**
 * The worker: no HTTP, only the outbox relay, the ledger sequencer and the job handlers. A context lib's handlers run
 * here as soon as its module is in `imports`: the dispatcher finds every provider marked
 * @HandlesJob among the imported modules.
 */
@Module({
  imports: [
    ConfigModule,
    // JSON logs like the gateway's (its HTTP middleware simply never runs here).
    LoggerModule,
    DatabaseModule,
    DeliveryWorkerModule,
    // Context libs whose job handlers this worker runs:
    LedgerModule, // publish-handoff-events
    // Seals appended ledger entries into the chain (one worker at a time: an advisory lock).
    LedgerSequencerModule,
    ReferralWorkerModule, // deliver-referral
    AlertWorkerModule, // deliver-alert
    NotificationWorkerModule, // notify-handoff-events, send-notification-email, deliver-webhook
    InsightWorkerModule, // the ping-pong sweep (alerts the province's Gugus Tugas)
  ],
  providers: [WorkerMetricsServer],
})
export class WorkerModule {}
