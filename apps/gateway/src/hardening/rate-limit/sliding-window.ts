/**
 * Sliding-window counter (the approximation Cloudflare and others use): the count of a subject's
 * last minute is the current fixed window's count plus the previous window's count weighted by the
 * part of the previous window still inside the last minute. Two counters per subject, no per-request
 * entries, and no burst of twice the limit at a window edge as a plain fixed window allows.
 *
 * Pure functions: the Redis script in rate-limiter.ts applies `isAdmitted` atomically, and the
 * gateway uses `retryAfterSeconds` to tell a refused client when to come back.
 */

export const WINDOW_MS = 60_000;

export interface WindowPosition {
  /** Number of the fixed window `now` falls in (its start is index × windowMs). */
  index: number;
  /** Milliseconds since the start of that window. */
  elapsedMs: number;
  /** Share of the previous window that is still inside the sliding window: 1 at the start, → 0. */
  previousWeight: number;
}

export function windowPosition(nowMs: number, windowMs = WINDOW_MS): WindowPosition {
  const index = Math.floor(nowMs / windowMs);
  const elapsedMs = nowMs - index * windowMs;
  return { index, elapsedMs, previousWeight: 1 - elapsedMs / windowMs };
}

/** Requests already admitted in the sliding window ending now. */
export function slidingCount(previous: number, current: number, previousWeight: number): number {
  return previous * previousWeight + current;
}

/** A request is admitted while fewer than `limit` requests were admitted in the last window. */
export function isAdmitted(
  previous: number,
  current: number,
  previousWeight: number,
  limit: number,
): boolean {
  return slidingCount(previous, current, previousWeight) < limit;
}

export interface RefusedState {
  /** Admitted requests in the previous and the current fixed window. */
  previous: number;
  current: number;
  elapsedMs: number;
  limit: number;
  windowMs?: number;
}

/**
 * Whole seconds until the next request would be admitted if the client sends nothing before then
 * (refused requests are not counted, so waiting this long is enough). Always at least 1.
 */
export function retryAfterSeconds(state: RefusedState): number {
  const { previous, current, elapsedMs, limit, windowMs = WINDOW_MS } = state;
  let waitMs: number;
  if (current >= limit) {
    // The current window alone is full: wait for it to become the previous window and for enough
    // of it to slide out: current × (1 − t/W) < limit  ⇔  t > W × (1 − limit/current).
    waitMs = windowMs - elapsedMs + windowMs * (1 - limit / current);
  } else if (previous > 0) {
    // The previous window's weighted share has to shrink by the excess:
    // previous × (1 − (elapsed + d)/W) + current < limit.
    waitMs = windowMs * (1 - (limit - current) / previous) - elapsedMs;
  } else {
    waitMs = 0;
  }
  // +1 ms: at the exact boundary the count equals the limit, which is still refused.
  return Math.min(2 * Math.ceil(windowMs / 1000), Math.max(1, Math.ceil((waitMs + 1) / 1000)));
}
