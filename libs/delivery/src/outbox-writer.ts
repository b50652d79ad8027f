import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, type JobName, type JobPayloads } from '@simpul/queue';

/** The LISTEN/NOTIFY channel that wakes the outbox relay. */
export const OUTBOX_CHANNEL = 'simpul_outbox';

export interface EnqueueOptions {
  /** Run the job this long after the row was written (SLA timers); counted from the write, not the relay. */
  delayMs?: number;
}

/**
 * Writes work for the worker into the outbox, inside the caller's transaction: the job exists if
 * and only if the change that caused it committed, and Redis being down never fails a use case.
 */
@Injectable()
export class OutboxWriter {
  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const delayMs = Math.max(0, Math.round(options.delayMs ?? 0));
    await manager.query(
      `INSERT INTO outbox (queue, job_name, payload, delay_ms) VALUES ($1, $2, $3::jsonb, $4)`,
      [JOB_QUEUE[name], name, JSON.stringify(payload), delayMs],
    );
    // PostgreSQL delivers NOTIFY only on commit (and folds duplicates within one transaction), so
    // the relay wakes exactly when the row becomes visible to it.
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
