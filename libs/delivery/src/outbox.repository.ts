import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { JobName } from '@simpul/queue';
import { TransactionHost } from '@simpul/database';
import { OUTBOX_CHANNEL } from './outbox-writer';

/** A row the relay may dispatch now (never dispatched, or its lease ran out undone). */
export interface DueOutboxRow {
  id: string;
  job_key: string;
  queue: string;
  job_name: JobName;
  payload: Record<string, unknown>;
  remaining_delay_ms: number;
  redrive: boolean;
}

/** A failed attempt as recorded: whether it parked the row. */
export interface RecordedFailure {
  id: string;
  jobName: string;
  failures: number;
  parked: boolean;
}

/** What an ADMIN sees of an outbox row: no payload (ids only, but an operator needs none). */
export interface OutboxRowView {
  id: string;
  queue: string;
  jobName: string;
  createdAt: Date;
  dispatchCount: number;
  failures: number;
  lastError: string | null;
  parkedAt: Date | null;
  doneAt: Date | null;
}

/** What parked rows can be narrowed by: row ids (decimal), a job name, a queue. */
export interface ParkedRowFilter {
  ids?: readonly string[] | null;
  jobName?: string | null;
  queue?: string | null;
}

interface ViewRow {
  id: string;
  queue: string;
  job_name: string;
  created_at: Date;
  dispatch_count: number;
  failures: number;
  last_error: string | null;
  parked_at: Date | null;
  done_at: Date | null;
}

const VIEW_COLUMNS =
  'id, queue, job_name, created_at, dispatch_count, failures, last_error, parked_at, done_at';

const toView = (row: ViewRow): OutboxRowView => ({
  id: String(row.id),
  queue: row.queue,
  jobName: row.job_name,
  createdAt: row.created_at,
  dispatchCount: row.dispatch_count,
  failures: row.failures,
  lastError: row.last_error,
  parkedAt: row.parked_at,
  doneAt: row.done_at,
});

/** The remaining delay of a row: counted from its write, so a late relay does not delay twice. */
const REMAINING_DELAY_MS =
  'GREATEST(0, delay_ms - FLOOR(EXTRACT(EPOCH FROM (now() - created_at)) * 1000))::int';

/**
 * Every statement on the outbox table after its INSERT (OutboxWriter) and its done-marking
 * (markOutboxRowsDone): what the relay dispatches and leases, failures and parking, and what an
 * ADMIN lists and replays.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Claims up to `limit` due rows, oldest first, for `claimMs`, and commits at once: the relay then
   * hands them to BullMQ holding no row lock, so a job that has its effect before the relay is
   * done never waits for the relay's transaction. Rows locked by another relay's claim are
   * skipped; a claim that is never settled (the relay died) runs out and the rows are due again.
   */
  async claimDue(limit: number, claimMs: number): Promise<DueOutboxRow[]> {
    // RETURNING reads the rows as updated: the claim changes neither delay nor dispatched_at.
    // (An UPDATE answers [rows, affected count] through TypeORM.)
    const [rows]: [DueOutboxRow[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM outbox
          WHERE done_at IS NULL AND parked_at IS NULL
            AND (lease_expires_at IS NULL OR lease_expires_at <= now())
          ORDER BY id
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET lease_expires_at = now() + $2::int * interval '1 millisecond'
         FROM due WHERE o.id = due.id
       RETURNING o.id, o.job_key, o.queue, o.job_name, o.payload,
                 ${REMAINING_DELAY_MS} AS remaining_delay_ms,
                 o.dispatched_at IS NOT NULL AS redrive`,
      [limit, claimMs],
    );
    return rows;
  }

  /** Gives claimed rows back (BullMQ was not reached): due again at the next pass, nothing counted. */
  async release(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(
      'UPDATE outbox SET lease_expires_at = NULL WHERE id = ANY($1::bigint[]) AND done_at IS NULL',
      [ids],
    );
  }

  /**
   * Leases rows whose job is in BullMQ: not done by the time the job is due plus `leaseMs`, they
   * are due again. `added` rows count one more dispatch. The relay's own statement, committed by
   * itself: never part of a handler's transaction.
   */
  async lease(rows: { id: string; added: boolean }[], leaseMs: number): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.query(
      `UPDATE outbox o
          SET dispatched_at = CASE WHEN l.added THEN now() ELSE o.dispatched_at END,
              dispatch_count = o.dispatch_count + CASE WHEN l.added THEN 1 ELSE 0 END,
              lease_expires_at = now() + (GREATEST(0, o.delay_ms
                - FLOOR(EXTRACT(EPOCH FROM (now() - o.created_at)) * 1000)) + $3::int)
                * interval '1 millisecond'
         FROM unnest($1::bigint[], $2::boolean[]) AS l(id, added)
        WHERE o.id = l.id`,
      [rows.map((r) => r.id), rows.map((r) => r.added), leaseMs],
    );
  }

  /**
   * Records failed attempts by row id (the relay) and parks rows that reached `parkAfter`. The
   * others are due again after `retryInMs`. Committed by itself, like `lease`.
   */
  async recordFailures(
    failures: Map<string, string>,
    parkAfter: number,
    retryInMs: number,
  ): Promise<RecordedFailure[]> {
    if (!failures.size) return [];
    const rows: { id: string; job_name: string; failures: number; parked: boolean }[] =
      await this.dataSource.query(
        `UPDATE outbox o
            SET failures = o.failures + 1, last_error = f.error,
                parked_at = CASE WHEN o.failures + 1 >= $3 THEN now() END,
                lease_expires_at = now() + $4::int * interval '1 millisecond'
           FROM unnest($1::bigint[], $2::text[]) AS f(id, error)
          WHERE o.id = f.id AND o.done_at IS NULL
          RETURNING o.id, o.job_name, o.failures, o.parked_at IS NOT NULL AS parked`,
        [[...failures.keys()], [...failures.values()], parkAfter, retryInMs],
      );
    return rows.map((row) => ({
      id: String(row.id),
      jobName: row.job_name,
      failures: row.failures,
      parked: row.parked,
    }));
  }

  /**
   * Records a job that failed for good in BullMQ (its retries spent): due again at once, or
   * parked once it reached `parkAfter`. Null when the row is done or unknown.
   */
  async recordJobFailure(
    jobKey: string,
    error: string,
    parkAfter: number,
  ): Promise<RecordedFailure | null> {
    const [rows]: [{ id: string; job_name: string; failures: number; parked: boolean }[], number] =
      await this.dataSource.query(
        `UPDATE outbox
            SET failures = failures + 1, last_error = $2,
                parked_at = CASE WHEN failures + 1 >= $3 THEN now() END,
                lease_expires_at = NULL
          WHERE job_key = $1 AND done_at IS NULL AND parked_at IS NULL
          RETURNING id, job_name, failures, parked_at IS NOT NULL AS parked`,
        [jobKey, error, parkAfter],
      );
    const row = rows[0];
    return row
      ? { id: String(row.id), jobName: row.job_name, failures: row.failures, parked: row.parked }
      : null;
  }

  /** Marks rows done outside any handler transaction (handlers whose effect is not in PostgreSQL). */
  async markDone(jobKeys: readonly string[]): Promise<void> {
    if (!jobKeys.length) return;
    await this.dataSource.query(
      `UPDATE outbox SET done_at = now(), parked_at = NULL
        WHERE job_key = ANY($1::uuid[]) AND done_at IS NULL`,
      [jobKeys],
    );
  }

  async parkedCount(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM outbox WHERE parked_at IS NOT NULL',
    );
    return count;
  }

  /** Parked rows per job name (metrics: deliver-webhook rows are webhooks that gave up). */
  async parkedCountsByJob(): Promise<Map<string, number>> {
    const rows: { job_name: string; count: number }[] = await this.dataSource.query(
      `SELECT job_name, count(*)::int AS count FROM outbox WHERE parked_at IS NOT NULL
        GROUP BY job_name`,
    );
    return new Map(rows.map((row) => [row.job_name, row.count]));
  }

  /** Parked rows, the longest parked first; each field of `filter` given narrows them. */
  async listParked(limit: number, filter: ParkedRowFilter = {}): Promise<OutboxRowView[]> {
    const rows: ViewRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM outbox WHERE parked_at IS NOT NULL
          AND ($2::bigint[] IS NULL OR id = ANY ($2::bigint[]))
          AND ($3::text IS NULL OR job_name = $3)
          AND ($4::text IS NULL OR queue = $4)
        ORDER BY parked_at, id LIMIT $1`,
      [limit, filter.ids ?? null, filter.jobName ?? null, filter.queue ?? null],
    );
    return rows.map(toView);
  }

  /** The row, locked for the caller's transaction; null when there is none. */
  async lockForReplay(id: string): Promise<OutboxRowView | null> {
    const rows: ViewRow[] = await this.tx.manager.query(
      `SELECT ${VIEW_COLUMNS} FROM outbox WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Puts a parked row back in line with a fresh count of failures, and wakes the relay when the
   * caller's transaction commits. The last error stays until the row is done, for the record.
   */
  async unpark(id: string): Promise<OutboxRowView> {
    const rows: ViewRow[] = await this.tx.manager.query(
      `WITH replayed AS (
         UPDATE outbox SET parked_at = NULL, failures = 0, lease_expires_at = NULL
          WHERE id = $1 RETURNING ${VIEW_COLUMNS})
       SELECT replayed.*, pg_notify($2, '') FROM replayed`,
      [id, OUTBOX_CHANNEL],
    );
    return toView(rows[0]);
  }
}
