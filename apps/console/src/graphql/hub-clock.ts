import { useSyncExternalStore } from 'react';
import { store } from './store';

/** The response header in which the gateway announces the hub's "now" (ISO 8601). */
export const HUB_CLOCK_HEADER = 'x-simpul-clock';

/** Offsets closer than this to the one in use are network jitter, not a new reading. */
const JITTER_MS = 1000;

/**
 * The hub's time as the console counts it: the browser's clock corrected by the offset the last
 * GraphQL response announced. Deadlines, `sla` and `overdue` are the hub's, so "time left" must be
 * counted on the hub's clock too — an officer's laptop that runs ten minutes fast would otherwise
 * read a deadline as missed the hub still counts as met (and a walkthrough under the test clock,
 * SIMPUL_CLOCK_AT, would read months off). Ticks every 30 s.
 */
let offsetMs = 0;
const now = store<number>(Date.now());
const tick = () => now.set(Date.now() + offsetMs);
// In the browser only: a unit test that imports this module must not be kept alive by a timer.
if ('document' in globalThis) setInterval(tick, 30_000);

/**
 * The hub's offset from a response's header, read between `sentAt` and `receivedAt` (browser
 * times): the hub read its clock somewhere in between, so the middle is the best guess.
 */
export function hubOffset(
  header: string | null,
  sentAt: number,
  receivedAt: number,
): number | null {
  const hub = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(hub) ? null : Math.round(hub - (sentAt + receivedAt) / 2);
}

/** Takes the hub's time from a GraphQL response. */
export function noteHubClock(header: string | null, sentAt: number, receivedAt: number): void {
  const offset = hubOffset(header, sentAt, receivedAt);
  if (offset === null || Math.abs(offset - offsetMs) < JITTER_MS) return;
  offsetMs = offset;
  tick();
}

/** The hub's current time (ms), outside React. */
export const hubNow = (): number => Date.now() + offsetMs;

/** The hub's current time (ms), for "time left" and "late". */
export function useNow(): number {
  return useSyncExternalStore(now.subscribe, now.get);
}
