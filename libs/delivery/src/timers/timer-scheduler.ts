import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { JOB_QUEUE } from '@simpul/queue';
import { TransactionHost } from '@simpul/database';
import { statementParams, type Bind } from '../outbox-writer';
import { timerJobKey, toTimerPayload, type TimerSpec } from './timer';

/**
 * The outbox's delay_ms is an int (about 24.8 days). A timer further out is armed at that delay,
 * fires early, does nothing, and is fired by the sweep when it is due.
 */
const MAX_DELAY_MS = 2_147_483_647;
/**
 * Added to every delay: the relay counts the delay from the row's created_at on PostgreSQL's
 * clock, the handler compares fireAt with this process's; a job that ran a few milliseconds
 * early would find its step not yet due and leave it to the sweep.
 */
const LATE_BY_MS = 1000;

/**
 * Arms escalation timers: one outbox row per timer, job 'fire-timer' on the timers queue, with a
 * deterministic job_key (timerJobKey) so that arming a timer again — from a use case, a handler
 * or the sweep — adds nothing (ON CONFLICT on the unique job_key). The relay hands the row to
 * BullMQ as a delayed job under jobId `outbox-<job_key>` and re-drives it if Redis loses it.
 */
@Injectable()
export class TimerScheduler {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Arms `timers` inside the caller's transaction (they exist if and only if it commits). */
  async schedule(timers: readonly TimerSpec[]): Promise<void> {
    if (!timers.length) return;
    const { params, bind } = statementParams();
    await this.tx.manager.query(this.insertSql(bind, timers), params);
  }

  private insertSql(bind: Bind, timers: readonly TimerSpec[]): string {
    const now = this.clock.now().getTime();
    const rows = timers.map((timer) => ({
      key: timerJobKey(timer),
      payload: JSON.stringify(toTimerPayload(timer)),
      delay: Math.min(MAX_DELAY_MS, Math.max(0, timer.fireAt.getTime() - now) + LATE_BY_MS),
    }));
    return `INSERT INTO outbox (job_key, queue, job_name, payload, delay_ms)
      SELECT t.key, ${bind(JOB_QUEUE['fire-timer'])}, 'fire-timer', t.payload, t.delay
        FROM unnest(${bind(rows.map((r) => r.key))}::uuid[], ${bind(rows.map((r) => r.payload))}::jsonb[],
                    ${bind(rows.map((r) => r.delay))}::int[]) AS t(key, payload, delay)
      ON CONFLICT (job_key) DO NOTHING`;
  }
}
