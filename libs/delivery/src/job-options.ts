import type { JobsOptions } from 'bullmq';

const HOUR = 3600;

/**
 * Options every outbox job gets. Completed jobs stay a day so that a re-driven outbox row (its
 * jobId already known) is recognised and not run again; failed ones stay a week for inspection.
 */
export const OUTBOX_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * HOUR, count: 50_000 },
  removeOnFail: { age: 7 * 24 * HOUR },
};

/** BullMQ refuses integer-looking and ':'-containing custom ids, hence the prefix. */
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;
