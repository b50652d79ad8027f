import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntity } from './entities/outbox.entity';
import { HandoffEventBus } from './handoff-event-bus';
import { OutboxWriter } from './outbox-writer';
import { OutboxRepository } from './outbox.repository';

/**
 * What every process needs: writing outbox rows, the outbox's other statements (parked rows for
 * ADMIN and health) and the handoff event bus. The gateway imports
 * this, and so does any lib whose use cases enqueue work. One static module, so the whole
 * application shares one bus (one pair of Redis connections).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity])],
  providers: [OutboxWriter, OutboxRepository, HandoffEventBus],
  exports: [OutboxWriter, OutboxRepository, HandoffEventBus],
})
export class DeliveryModule {}
