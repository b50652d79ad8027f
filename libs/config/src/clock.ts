import type { AppConfig } from './app-config';

/**
 * The one source of "now" for deadlines, escalation timers and their sweep. Inject it under
 * CLOCK; never read `new Date()` where a deadline is set or compared, so that tests (and a
 * development walkthrough with SIMPUL_CLOCK_OFFSET) move time for all of them at once.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/**
 * The system clock moved by an offset. In production the offset is 0 and cannot change: both
 * SIMPUL_CLOCK_OFFSET and `advance` are refused there. In development and test the offset starts
 * at SIMPUL_CLOCK_OFFSET and in-process tests move it with `advance`/`set` (no test waits for
 * real hours). Each process has its own clock: a test that boots gateway and worker advances both.
 */
export class AdjustableClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly adjustable = true,
  ) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward (or back, when negative) by `ms`. */
  advance(ms: number): void {
    this.assertAdjustable();
    this.offsetMs += ms;
  }

  /** Sets the clock to read `instant` now (and to run on from there at real speed). */
  set(instant: Date): void {
    this.assertAdjustable();
    this.offsetMs = instant.getTime() - Date.now();
  }

  get offset(): number {
    return this.offsetMs;
  }

  private assertAdjustable(): void {
    if (!this.adjustable) throw new Error('The clock cannot be moved in production');
  }
}

export function clockFor(config: Pick<AppConfig, 'env' | 'clockOffsetMs'>): AdjustableClock {
  return new AdjustableClock(config.clockOffsetMs, config.env !== 'production');
}
