import { SetMetadata } from '@nestjs/common';
import type { TimerSpec } from './timer';

export const HANDLES_TIMERS = Symbol('HANDLES_TIMERS');

/**
 * Marks a provider as the TimerHandler of one subject kind ('referral', 'alert' …). The worker
 * finds it among the providers of the modules it imports, like @HandlesJob handlers.
 */
export const HandlesTimers = (subjectKind: string) => SetMetadata(HANDLES_TIMERS, subjectKind);

/** What a context lib implements to get escalation timers for its subjects. */
export interface TimerHandler {
  /**
   * Runs a timer that came due, in the caller's transaction: applies its effect when the
   * subject's state still calls for it — nothing when it has moved on (acknowledged, closed, the
   * deadline moved) — and arms the subject's next timer (TimerScheduler). Must be idempotent: a
   * timer can fire more than once (a retried job, the sweep and the job racing).
   */
  fire(timer: TimerSpec, now: Date): Promise<void>;

  /**
   * The next timer of every subject with a running deadline whose next step may fire by
   * `horizon` (a few sweep intervals ahead of the clock; returning more is harmless), read from
   * PostgreSQL alone. The sweep fires those due by the clock and arms the others: what arms a
   * subject's first timer when it comes near, rebuilds every timer after Redis lost its jobs, and
   * fires timers whose delay a moved test clock has overtaken.
   */
  pendingTimers(horizon: Date): Promise<TimerSpec[]>;
}
