import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '@simpul/queue';

export const HANDLES_JOB = Symbol('HANDLES_JOB');

/**
 * Marks a provider as the handler of one job name. The worker discovers every such provider and
 * dispatches jobs to it; context libs (referral, ledger, …) own their handlers.
 */
export const HandlesJob = (name: JobName) => SetMetadata(HANDLES_JOB, name);

export interface JobHandler<N extends JobName = JobName> {
  /** Must be idempotent: a job can run more than once (retry, re-drive after a crash). */
  handle(payload: JobPayloads[N]): Promise<void>;
}
