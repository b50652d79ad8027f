import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '@simpul/config';
import { TransactionHost } from '@simpul/database';
import { describeError } from '../outbox-job';
import type { TimerHandler } from './handles-timers.decorator';
import { TimerHandlers } from './timer-handlers';
import { TimerScheduler } from './timer-scheduler';
import { timerJobKey } from './timer';

export interface SweepOutcome {
  /** Timers due by the clock that the sweep fired itself. */
  fired: number;
  /** Timers not yet due that it (re-)armed; those armed already are left as they are. */
  armed: number;
}

/**
 * How far ahead of the clock, in sweep intervals, the sweep arms timers. A timer is put into
 * Redis only when it comes this near: a send does not add a delayed job for a deadline days
 * away (most are met and the job would fire for nothing), and the sweep, which runs every
 * interval, still arms each one at least two intervals before it is due.
 */
export const SWEEP_HORIZON_INTERVALS = 3;

/**
 * Rebuilds escalation timers from PostgreSQL (worker side), at start and every TIMER_SWEEP_MS:
 * asks each TimerHandler for the next timer of every subject whose next step may fire within
 * the horizon (SWEEP_HORIZON_INTERVALS), arms those not due yet (a no-op for a timer already
 * armed) and fires those due — each in its own transaction, with its outbox row marked done. So
 * no escalation is lost to a Redis that lost its delayed jobs, to a subject whose first timer was
 * never armed, or to a delay longer than the outbox holds; and a clock moved forward in a test or
 * a walkthrough fires what came due.
 */
@Injectable()
export class TimerSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepOutcome> | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly handlers: TimerHandlers,
    private readonly scheduler: TimerScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.timerSweepMs);
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass (tests call it after moving the clock); a pass already running is joined. */
  sweep(): Promise<SweepOutcome> {
    if (this.stopped) return Promise.resolve({ fired: 0, armed: 0 });
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<SweepOutcome> {
    const outcome: SweepOutcome = { fired: 0, armed: 0 };
    const failures: string[] = [];
    for (const [kind, handler] of this.handlers.entries()) {
      try {
        await this.sweepKind(kind, handler, outcome, failures);
      } catch (error) {
        failures.push(`${kind}: ${describeError(error)}`);
      }
    }
    // Logged once per outage, not at every pass; the next pass tries again.
    if (failures.length && !this.failing) {
      this.logger.warn(`Timer sweep failed: ${failures.join('; ')}`);
    }
    if (!failures.length && this.failing) this.logger.log('Timer sweep resumed');
    this.failing = failures.length > 0;
    return outcome;
  }

  /**
   * One kind's timers. Each due timer fires in its own transaction, and one that fails is reported
   * without holding back the others: one subject in a state its handler refuses must not stop
   * every other escalation.
   */
  private async sweepKind(
    kind: string,
    handler: TimerHandler,
    outcome: SweepOutcome,
    failures: string[],
  ): Promise<void> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + SWEEP_HORIZON_INTERVALS * this.config.timerSweepMs);
    const pending = await handler.pendingTimers(horizon);
    const later = pending.filter((timer) => timer.fireAt.getTime() > now.getTime());
    if (later.length) {
      await this.tx.run(() => this.scheduler.schedule(later));
      outcome.armed += later.length;
    }
    let fired = 0;
    for (const timer of pending) {
      if (this.stopped || timer.fireAt.getTime() > now.getTime()) continue;
      try {
        await this.tx.runOwn(async () => {
          // Its job, if armed, finds the row done and the step recorded: nothing twice.
          await this.tx.manager.query(
            `UPDATE outbox SET done_at = now(), parked_at = NULL
              WHERE job_key = $1 AND done_at IS NULL`,
            [timerJobKey(timer)],
          );
          await handler.fire(timer, now);
        });
        fired += 1;
      } catch (error) {
        failures.push(`${kind} ${timer.subjectId}: ${describeError(error)}`);
      }
    }
    outcome.fired += fired;
    if (fired) this.logger.log(`Timer sweep fired ${fired} due ${kind} timer(s)`);
  }
}
