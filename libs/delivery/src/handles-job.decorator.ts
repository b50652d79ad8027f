import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '@simpul/queue';
import type { OutboxJobRef } from './outbox-job';

export const HANDLES_JOB = Symbol('HANDLES_JOB');

/**
 * Marks a provider as the handler of one job name. The worker discovers every such provider and
 * dispatches jobs to it; context libs (referral, ledger, …) own their handlers.
 */
export const HandlesJob = (name: JobName) => SetMetadata(HANDLES_JOB, name);

export interface JobHandler<N extends JobName = JobName> {
  /**
   * Must be idempotent: a job can run more than once (retry, re-drive after a lost Redis, replay).
   * A handler that commits a database change calls `markOutboxRowsDone(this.tx.manager, [job])`
   * in that transaction; otherwise the dispatcher marks the row done after `handle` returns.
   */
  handle(payload: JobPayloads[N], job: OutboxJobRef): Promise<void>;
}
