import { Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobName, type JobPayloads } from '@simpul/queue';
import { TransactionHost } from '@simpul/database';

/** The LISTEN/NOTIFY channel that wakes the outbox relay. */
export const OUTBOX_CHANNEL = 'simpul_outbox';

export interface EnqueueOptions {
  /** Run the job this long after the row was written (escalation timers use TimerScheduler). */
  delayMs?: number;
}

/** Adds a bind value to a statement being built and returns its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/** Bind values in order, and the `bind` that hands out their placeholders. */
export function statementParams(): { params: unknown[]; bind: Bind } {
  const params: unknown[] = [];
  return { params, bind: (value) => `$${params.push(value)}` };
}

/**
 * Writes work for the worker into the outbox, inside the caller's transaction: the job exists if
 * and only if the change that caused it committed, and Redis being down never fails a use case.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The row, without a nudge: a NOTIFY in every writing transaction would serialise their commits
   * (PostgreSQL queues notifications under one global lock at commit). The relay is woken once
   * per sealed ledger batch — every use case that enqueues work also appends to the ledger — and
   * sweeps every OUTBOX_SWEEP_MS whatever else is pending.
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const { params, bind } = statementParams();
    await this.tx.manager.query(this.insertSql(bind, name, payload, options), params);
  }

  /**
   * The INSERT of one outbox row, for a caller that folds it into a statement of its own as a
   * data-modifying CTE (the ledger does, to hold its lock for one round trip).
   */
  insertSql<N extends JobName>(
    bind: Bind,
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): string {
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    return `INSERT INTO outbox (queue, job_name, payload, delay_ms)
      VALUES (${bind(JOB_QUEUE[name])}, ${bind(name)}, ${bind(JSON.stringify(payload))}::jsonb, ${bind(delayMs)})`;
  }

  /**
   * The INSERT of one outbox row per payload (an alert's fan-out to its receiving units), for a
   * caller that folds it into a statement of its own: one round trip however many rows.
   */
  insertManySql<N extends JobName>(
    bind: Bind,
    name: N,
    payloads: readonly JobPayloads[N][],
    options: EnqueueOptions = {},
  ): string {
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    return `INSERT INTO outbox (queue, job_name, payload, delay_ms)
      SELECT ${bind(JOB_QUEUE[name])}, ${bind(name)}, p, ${bind(delayMs)}
        FROM unnest(${bind(payloads.map((payload) => JSON.stringify(payload)))}::jsonb[]) AS p`;
  }

  /**
   * The SELECT that wakes the relay, for the one writer that nudges: the ledger sequencer, once per
   * sealed batch. PostgreSQL delivers NOTIFY only on commit (and folds duplicates within one
   * transaction), so the relay wakes exactly when the rows become visible.
   */
  nudgeSql(bind: Bind): string {
    return `SELECT pg_notify(${bind(OUTBOX_CHANNEL)}, '')`;
  }
}
