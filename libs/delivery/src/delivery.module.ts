import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntity } from './entities/outbox.entity';
import { HandoffEventBus } from './handoff-event-bus';
import { OutboxWriter } from './outbox-writer';
import { OutboxRepository } from './outbox.repository';
import { TimerScheduler } from './timers/timer-scheduler';

/**
 * What every process needs: writing outbox rows, the outbox's other statements (parked rows for
 * ADMIN and health), the handoff event bus and arming escalation timers (TimerScheduler). The gateway imports
 * this, and so does any lib whose use cases enqueue work. One static module, so the whole
 * application shares one bus (one pair of Redis connections).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity])],
  providers: [OutboxWriter, OutboxRepository, HandoffEventBus, TimerScheduler],
  exports: [OutboxWriter, OutboxRepository, HandoffEventBus, TimerScheduler],
})
export class DeliveryModule {}
