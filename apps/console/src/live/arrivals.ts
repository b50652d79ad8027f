import { useSyncExternalStore } from 'react';
import { store } from '../graphql/store';

/** Referrals that arrived live in this tab and were not opened yet: highlighted and counted. */
export const arrivals = store<ReadonlySet<string>>(new Set());
/** Bumped on every live event that concerns the unit: queues refetch when it changes. */
export const liveTick = store<number>(0);

export function addArrival(id: string): void {
  const next = new Set(arrivals.get());
  next.add(id);
  arrivals.set(next);
}

export function seen(id: string): void {
  if (!arrivals.get().has(id)) return;
  const next = new Set(arrivals.get());
  next.delete(id);
  arrivals.set(next);
}

export function clearArrivals(): void {
  if (arrivals.get().size) arrivals.set(new Set());
}

export function useArrivals(): ReadonlySet<string> {
  return useSyncExternalStore(arrivals.subscribe, arrivals.get);
}

export function useLiveTick(): number {
  return useSyncExternalStore(liveTick.subscribe, liveTick.get);
}
