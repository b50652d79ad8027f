import {
  WINDOW_MS,
  isAdmitted,
  retryAfterSeconds,
  slidingCount,
  windowPosition,
} from './sliding-window';

/** The Redis script's decision, in memory: admit below the limit, count only what is admitted. */
function simulate(limit: number) {
  const counts = new Map<number, number>();
  return (nowMs: number) => {
    const { index, elapsedMs, previousWeight } = windowPosition(nowMs);
    const previous = counts.get(index - 1) ?? 0;
    const current = counts.get(index) ?? 0;
    if (!isAdmitted(previous, current, previousWeight, limit)) {
      return {
        admitted: false,
        retryAfterSeconds: retryAfterSeconds({ previous, current, elapsedMs, limit }),
      };
    }
    counts.set(index, current + 1);
    return { admitted: true, retryAfterSeconds: 0 };
  };
}

describe('windowPosition', () => {
  it('numbers fixed one-minute windows and weighs the previous one by what is left of it', () => {
    expect(windowPosition(0)).toEqual({ index: 0, elapsedMs: 0, previousWeight: 1 });
    expect(windowPosition(WINDOW_MS * 7 + 15_000)).toEqual({
      index: 7,
      elapsedMs: 15_000,
      previousWeight: 0.75,
    });
    expect(windowPosition(WINDOW_MS * 8 - 1).index).toBe(7);
  });
});

describe('isAdmitted', () => {
  it('admits while the sliding count is below the limit', () => {
    expect(slidingCount(10, 2, 0.5)).toBe(7);
    expect(isAdmitted(0, 9, 1, 10)).toBe(true);
    expect(isAdmitted(0, 10, 1, 10)).toBe(false);
    expect(isAdmitted(10, 4, 0.5, 10)).toBe(true);
    expect(isAdmitted(10, 5, 0.5, 10)).toBe(false);
  });

  it('treats a limit of 1 as one request a minute', () => {
    expect(isAdmitted(0, 0, 1, 1)).toBe(true);
    expect(isAdmitted(0, 1, 1, 1)).toBe(false);
    expect(isAdmitted(1, 0, 0.01, 1)).toBe(true);
  });
});

describe('retryAfterSeconds', () => {
  it('waits for the current window to end when it alone is full', () => {
    expect(retryAfterSeconds({ previous: 0, current: 10, elapsedMs: 20_000, limit: 10 })).toBe(41);
  });

  it('waits for enough of the previous window to slide out', () => {
    // 10 × 0.5 + 6 ≥ 10 is refused; 10 × (1 − (30 s + d)/60 s) + 6 < 10  ⇔  d > 6 s
    expect(retryAfterSeconds({ previous: 10, current: 6, elapsedMs: 30_000, limit: 10 })).toBe(7);
  });

  it('is at least one second and at most two windows', () => {
    expect(retryAfterSeconds({ previous: 10, current: 0, elapsedMs: 59_999, limit: 10 })).toBe(1);
    expect(retryAfterSeconds({ previous: 0, current: 0, elapsedMs: 0, limit: 10 })).toBe(1);
    expect(
      retryAfterSeconds({ previous: 0, current: 1_000, elapsedMs: 0, limit: 1 }),
    ).toBeLessThanOrEqual(120);
  });
});

describe('the sliding window over time', () => {
  it('admits the limit, refuses the next request and admits again after Retry-After', () => {
    const consume = simulate(5);
    const start = WINDOW_MS * 100 + 10_000;
    for (let i = 0; i < 5; i++) expect(consume(start + i).admitted).toBe(true);
    const refused = consume(start + 5);
    // 10 s into the window: the window's remaining 50 s.
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 50 });
    expect(consume(start + 5 + (refused.retryAfterSeconds - 1) * 1000).admitted).toBe(false);
    expect(consume(start + 5 + refused.retryAfterSeconds * 1000).admitted).toBe(true);
  });

  it('does not allow a double burst across a window edge, as a fixed window would', () => {
    const consume = simulate(10);
    const edge = WINDOW_MS * 200;
    let admitted = 0;
    for (let i = 0; i < 10; i++) if (consume(edge - 1_000 + i).admitted) admitted++;
    for (let i = 0; i < 10; i++) if (consume(edge + 1_000 + i).admitted) admitted++;
    // A fixed window would admit 20 within these two seconds; the sliding count admits one more
    // than the limit only because 1/60 of the previous window has slid out.
    expect(admitted).toBe(11);
  });

  it('lets a client sending twice the limit through at about the limit, without starving it', () => {
    const limit = 60;
    const consume = simulate(limit);
    const start = WINDOW_MS * 300;
    let admittedInLastFiveMinutes = 0;
    for (let t = 0; t < 10 * WINDOW_MS; t += 500) {
      const { admitted } = consume(start + t);
      if (admitted && t >= 5 * WINDOW_MS) admittedInLastFiveMinutes++;
    }
    expect(admittedInLastFiveMinutes).toBeGreaterThanOrEqual(5 * limit * 0.9);
    expect(admittedInLastFiveMinutes).toBeLessThanOrEqual(5 * limit * 1.1);
  });
});
