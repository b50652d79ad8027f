import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntity } from './entities/outbox.entity';
import { HandoffEventBus } from './handoff-event-bus';
import { OutboxWriter } from './outbox-writer';

/**
 * What every process needs: writing outbox rows and the handoff event bus. The gateway imports
 * this, and so does any lib whose use cases enqueue work. One static module, so the whole
 * application shares one bus (one pair of Redis connections).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity])],
  providers: [OutboxWriter, HandoffEventBus],
  exports: [OutboxWriter, HandoffEventBus],
})
export class DeliveryModule {}
