import { useSyncExternalStore } from 'react';
import type { Client } from 'urql';
import { createGraphqlClient, createLiveSocket } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';
import { store } from '../graphql/store';
import { setAccessToken } from './access-token';

/**
 * Where the session lives (docs/security.md): the access token in memory only; the single-use
 * refresh token in this tab's sessionStorage, so that a reload does not sign the officer out but
 * closing the tab does. Nothing about a person is ever written to browser storage.
 */
const REFRESH_KEY = 'simpul.refresh';
/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * The unit fields are written out rather than spread from UnitFields: the gateway's depth limit
 * counts each fragment spread as a level, and with the spread login would be 9 deep, over its 8.
 */
export const SessionOfficer = graphql(`
  fragment SessionOfficer on Officer {
    id
    username
    displayName
    roles
    unit {
      id
      code
      name
      timeZone
      regionCode
      countryCode
      agency {
        id
        code
        name
        kind
      }
    }
  }
`);

const LOGIN = graphql(
  `
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password) {
        accessToken
        expiresAt
        refreshToken
        officer {
          ...SessionOfficer
        }
      }
    }
  `,
  [SessionOfficer],
);

const REFRESH = graphql(
  `
    mutation Refresh($refreshToken: String!) {
      refreshSession(refreshToken: $refreshToken) {
        accessToken
        expiresAt
        refreshToken
        officer {
          ...SessionOfficer
        }
      }
    }
  `,
  [SessionOfficer],
);

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

export type Officer = ResultOf<typeof SessionOfficer>;
type AuthPayload = ResultOf<typeof LOGIN>['login'];

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice?: 'expired' }
  | { status: 'signedIn'; officer: Officer };

const state = store<SessionState>({ status: 'restoring' });
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;

const socket = createLiveSocket({
  freshToken: async () => {
    if (Date.now() > expiresAt - REFRESH_AHEAD_MS) await refresh();
    return state.get().status === 'signedIn' ? currentToken : null;
  },
  onRevoked: () => end('expired'),
});
let client: Client = createGraphqlClient(socket);
let currentToken: string | null = null;

export function graphqlClient(): Client {
  return client;
}

function readRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null | undefined): void {
  try {
    if (token) sessionStorage.setItem(REFRESH_KEY, token);
    else sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // storage unavailable: the session then lasts until reload
  }
}

function begin(payload: AuthPayload): void {
  currentToken = payload.accessToken;
  setAccessToken(payload.accessToken);
  writeRefreshToken(payload.refreshToken);
  expiresAt = Date.parse(payload.expiresAt);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(
    () => void refresh(),
    Math.max(5_000, expiresAt - Date.now() - REFRESH_AHEAD_MS),
  );
  state.set({ status: 'signedIn', officer: payload.officer });
}

function end(notice?: 'expired'): void {
  clearTimeout(refreshTimer);
  currentToken = null;
  setAccessToken(null);
  writeRefreshToken(null);
  expiresAt = 0;
  socket.terminate();
  // A new client: nothing another officer read stays in the cache.
  client = createGraphqlClient(socket);
  state.set({ status: 'signedOut', notice });
}

/** Rotates the refresh token; one refresh at a time. False (and signed out) when it failed. */
function refresh(): Promise<boolean> {
  const token = readRefreshToken();
  if (!token) {
    if (state.get().status !== 'signedOut')
      end(state.get().status === 'signedIn' ? 'expired' : undefined);
    return Promise.resolve(false);
  }
  refreshing ??= client
    .mutation(REFRESH, { refreshToken: token }, { requestPolicy: 'network-only' })
    .toPromise()
    .then((result) => {
      if (result.data) {
        begin(result.data.refreshSession);
        return true;
      }
      // A network failure keeps the session: the refresh token is still good for a later try.
      if (result.error?.networkError && state.get().status === 'signedIn') return false;
      if (result.error?.networkError && state.get().status === 'restoring') {
        // Offline at start: the sign-in page says so; back online, the session is restored.
        state.set({ status: 'signedOut' });
        window.addEventListener('online', () => void restoreSession(), { once: true });
        return false;
      }
      end(state.get().status === 'signedIn' ? 'expired' : undefined);
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** On start: a reload keeps the officer signed in when this tab holds a refresh token. */
export async function restoreSession(): Promise<void> {
  if (!readRefreshToken()) {
    state.set({ status: 'signedOut' });
    return;
  }
  await refresh();
}

/** Signs in; resolves to the error to show, or null. */
export async function signIn(username: string, password: string) {
  const result = await client
    .mutation(LOGIN, { username, password }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.data) {
    begin(result.data.login);
    return null;
  }
  return result.error ?? null;
}

export async function signOut(): Promise<void> {
  await client
    .mutation(LOGOUT, {})
    .toPromise()
    .catch(() => undefined);
  end();
}

/** An operation answered UNAUTHENTICATED: the access token may have expired while asleep. */
export function sessionRejected(): void {
  void refresh();
}

// A phone that slept past the token's expiry refreshes as soon as the page is visible again.
document.addEventListener('visibilitychange', () => {
  if (
    document.visibilityState === 'visible' &&
    state.get().status === 'signedIn' &&
    Date.now() > expiresAt - REFRESH_AHEAD_MS
  ) {
    void refresh();
  }
});

export function useSession(): SessionState {
  return useSyncExternalStore(state.subscribe, state.get);
}

export function hasRole(officer: Officer, role: Officer['roles'][number]): boolean {
  return officer.roles.includes(role);
}
