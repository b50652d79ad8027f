import { useSyncExternalStore } from 'react';

export type LiveState = 'connecting' | 'connected' | 'closed';

export interface Store<T> {
  get: () => T;
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
}

/** A value React components read with useSyncExternalStore and anything else may set. */
function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The current time, ticking every 30 s, so deadlines' "time left" stays true on screen. */
const clock = store<number>(Date.now());
setInterval(() => clock.set(Date.now()), 30_000);

export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.get);
}

/** The state of the live connection, shown in the header. */
export const liveStatus = store<LiveState>('connecting');

export function useLiveStatus(): LiveState {
  return useSyncExternalStore(liveStatus.subscribe, liveStatus.get);
}

/** Whether the browser has a network link; a repeat visit opened offline says so. */
export const online = store<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => online.set(true));
  window.addEventListener('offline', () => online.set(false));
}

export function useOnline(): boolean {
  return useSyncExternalStore(online.subscribe, online.get);
}

export { store };
