/** How far past a missed deadline each escalation fires, as a share of the deadline's window. */
export const ESCALATION_PERCENTS = [100, 150, 200] as const;

export interface EscalationStep {
  /** Levels above the desk: 1 supervisor, 2 agency head, 3 the region's Gugus Tugas. */
  level: 1 | 2 | 3;
  percentOfWindow: (typeof ESCALATION_PERCENTS)[number];
  at: Date;
}

/**
 * When to escalate a deadline that is missed: at 100%, 150% and 200% of its window, measured from
 * the window's start (sentAt for both deadlines). The SLA timers (planned, not built yet) are to
 * schedule one delayed job per step with a deterministic id; a step already past fires at once.
 */
export function escalationSchedule(windowStart: Date, dueAt: Date): EscalationStep[] {
  const start = windowStart.getTime();
  const window = dueAt.getTime() - start;
  if (!(window > 0)) throw new RangeError('deadline must be after the start of its window');
  return ESCALATION_PERCENTS.map((percent, index) => ({
    level: (index + 1) as EscalationStep['level'],
    percentOfWindow: percent,
    // Rounded up so that a step never fires before its share of the window has fully elapsed.
    at: new Date(start + Math.ceil((window * percent) / 100)),
  }));
}
