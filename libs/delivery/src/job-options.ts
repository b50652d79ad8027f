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

/**
 * The job id of an outbox row: its `job_key` (a UUID), never its sequence id, which repeats after
 * a database restore — and BullMQ drops, without a word, an add whose id it still remembers.
 */
export const outboxJobId = (jobKey: string) => `outbox-${jobKey}`;
