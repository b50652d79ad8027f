import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeliveryModule } from './delivery.module';
import { JobDispatcher } from './job-dispatcher';
import { OutboxRelay } from './outbox-relay';

/** The worker's flavour: DeliveryModule plus the outbox relay and the job dispatcher. */
@Module({
  imports: [DeliveryModule, DiscoveryModule],
  providers: [OutboxRelay, JobDispatcher],
  exports: [DeliveryModule, OutboxRelay],
})
export class DeliveryWorkerModule {}
