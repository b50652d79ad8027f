import { useSyncExternalStore } from 'react';

export type LiveState = 'connecting' | 'connected' | 'closed';

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
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
