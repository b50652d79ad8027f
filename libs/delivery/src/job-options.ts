import type { JobsOptions } from 'bullmq';

const HOUR = 3600;

/**
 * Options every outbox job gets. BullMQ retries a failing handler 8 times (about two minutes);
 * after that the row records the failure and the relay re-drives it, or parks it
 * (docs/adr/0009-outbox-done-on-effect.md). Finished jobs are kept for inspection only: PostgreSQL,
 * not BullMQ's memory of a job id, says whether a row is done.
 */
export const OUTBOX_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * HOUR, count: 50_000 },
  removeOnFail: { age: 7 * 24 * HOUR },
};

/**
 * The options of one job: OUTBOX_JOB_OPTIONS, except that a webhook delivery waits longer between
 * attempts (WEBHOOK_RETRY_BASE_MS, doubling: 10 s … about 21 minutes by default), because a
 * receiver that is down is usually down for minutes, not seconds. After its attempts the row is
 * re-driven or parked like any other (docs/adr/0009-outbox-done-on-effect.md).
 */
export function outboxJobOptions(
  jobName: string,
  webhookRetryBaseMs: number,
): Readonly<JobsOptions> {
  if (jobName !== 'deliver-webhook') return OUTBOX_JOB_OPTIONS;
  return { ...OUTBOX_JOB_OPTIONS, backoff: { type: 'exponential', delay: webhookRetryBaseMs } };
}
