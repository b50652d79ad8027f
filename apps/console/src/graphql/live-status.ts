import { useSyncExternalStore } from 'react';
import { store } from './store';

export type LiveState = 'connecting' | 'connected' | 'closed';

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
