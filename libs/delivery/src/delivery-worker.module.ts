import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeliveryModule } from './delivery.module';
import { JobDispatcher } from './job-dispatcher';
import { OutboxRelay } from './outbox-relay';
import { FireTimerHandler } from './timers/fire-timer.handler';
import { TimerHandlers } from './timers/timer-handlers';
import { TimerSweep } from './timers/timer-sweep';

/**
 * The worker's flavour: DeliveryModule plus the outbox relay, the job dispatcher, and the
 * escalation timers' job handler and sweep.
 */
@Module({
  imports: [DeliveryModule, DiscoveryModule],
  providers: [OutboxRelay, JobDispatcher, TimerHandlers, FireTimerHandler, TimerSweep],
  exports: [DeliveryModule, OutboxRelay, TimerSweep],
})
export class DeliveryWorkerModule {}
