import type { EntityManager } from 'typeorm';

const JOB_ID_PREFIX = 'outbox-';

/**
 * The job id of an outbox row: its `job_key` (a UUID), never its sequence id, which repeats after
 * a database restore — and BullMQ drops, without a word, an add whose id it still remembers.
 */
export const outboxJobId = (jobKey: string) => `${JOB_ID_PREFIX}${jobKey}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job_key of an outbox job id; null for a job that did not come from the outbox. */
export function jobKeyOf(jobId: string | undefined): string | null {
  if (!jobId?.startsWith(JOB_ID_PREFIX)) return null;
  const key = jobId.slice(JOB_ID_PREFIX.length);
  return UUID.test(key) ? key : null;
}

/**
 * The outbox row behind a running job. A handler whose effect is a database change marks the row
 * done in that change's transaction (`markOutboxRowsDone`); for any other handler the dispatcher
 * marks it done once the handler has returned. Either way the row is done exactly when the
 * effect is committed, so PostgreSQL alone knows what is left to do.
 */
export class OutboxJobRef {
  /** Set once the row's done-marking is part of the handler's transaction. */
  markedDone = false;

  constructor(readonly jobKey: string | null) {}
}

/**
 * Marks the rows of `jobs` done inside the caller's transaction. Call it FIRST in the transaction:
 * it may wait for the relay that is still committing the row's dispatch, and must not do so while
 * holding a busier lock (the ledger's chain head).
 */
export async function markOutboxRowsDone(
  manager: EntityManager,
  jobs: readonly OutboxJobRef[],
): Promise<void> {
  const keys = jobs.flatMap((job) => (job.jobKey ? [job.jobKey] : []));
  if (keys.length) {
    // parked_at too: a late run of a parked row that succeeded has nothing left to replay.
    await manager.query(
      `UPDATE outbox SET done_at = now(), parked_at = NULL
        WHERE job_key = ANY($1::uuid[]) AND done_at IS NULL`,
      [keys],
    );
  }
  // Flagged only once the statement is in the transaction; a rollback fails the job anyway.
  for (const job of jobs) job.markedDone = true;
}

/** What an error says about itself, short enough for a log line and an ADMIN's list. */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `Error: ${String(error)}`;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
