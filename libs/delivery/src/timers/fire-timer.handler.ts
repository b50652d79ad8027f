import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import type { JobPayloads } from '@simpul/queue';
import { TransactionHost } from '@simpul/database';
import { HandlesJob, type JobHandler } from '../handles-job.decorator';
import { markOutboxRowsDone, type OutboxJobRef } from '../outbox-job';
import { TimerHandlers } from './timer-handlers';
import { fromTimerPayload } from './timer';

/**
 * Runs a 'fire-timer' job: hands the timer to its subject kind's TimerHandler, in one transaction
 * with the done-marking of its outbox row. A kind without a handler fails the job (retried, then
 * parked for an ADMIN): its module is missing from the worker.
 */
@Injectable()
@HandlesJob('fire-timer')
export class FireTimerHandler implements JobHandler<'fire-timer'> {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly handlers: TimerHandlers,
  ) {}

  async handle(payload: JobPayloads['fire-timer'], job: OutboxJobRef): Promise<void> {
    const handler = this.handlers.get(payload.subjectKind);
    if (!handler) throw new Error(`No timer handler for subject kind '${payload.subjectKind}'`);
    await this.tx.run(async () => {
      await markOutboxRowsDone(this.tx.manager, [job]);
      await handler.fire(fromTimerPayload(payload), this.clock.now());
    });
  }
}
