import type { SessionState } from '../access-token.authenticator';

/** graphql-ws close codes: 4401 Unauthorized (token expired), 4403 Forbidden (revoked). */
export const SOCKET_CLOSE_EXPIRED = 4401;
export const SOCKET_CLOSE_REVOKED = 4403;

export interface SessionWatchHandle {
  /** Checks at once, e.g. because the officer's access changed. */
  checkNow: () => void;
  /** Clears the timers; run it when the socket closes. */
  stop: () => void;
}

/** setTimeout's largest delay; a later expiry is caught by the periodic check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SocketSessionWatch {
  /** When the connection's token expires. */
  expiresAt: Date;
  /** How often to re-check revocation and the officer's state. */
  checkEveryMs: number;
  /** The current state of the connection's credential (a database read). */
  check: () => Promise<SessionState>;
  /** Closes the socket with a graphql-ws close code and a reason free of personal data. */
  close: (code: number, reason: string) => void;
  /** A failed check (database away) is reported here and retried at the next tick. */
  onCheckError?: (error: unknown) => void;
}

/**
 * Keeps an open WebSocket honest about its token: closes it with 4401 the moment the token
 * expires, and with 4403 as soon as a periodic check finds it revoked or the officer deactivated.
 * The client reconnects with a fresh token. `checkNow` runs a check at once (a notice that the
 * officer's access changed); `stop` must run when the socket closes.
 */
export function watchSocketSession(watch: SocketSessionWatch): SessionWatchHandle {
  let stopped = false;
  let checking = false;
  const stop = () => {
    stopped = true;
    clearTimeout(expiry);
    clearInterval(recheck);
  };
  const closeWith = (code: number, reason: string) => {
    if (stopped) return;
    stop();
    watch.close(code, reason);
  };
  const untilExpiry = Math.max(0, watch.expiresAt.getTime() - Date.now());
  const expiry =
    untilExpiry <= MAX_TIMER_MS
      ? setTimeout(() => closeWith(SOCKET_CLOSE_EXPIRED, 'Token expired'), untilExpiry)
      : undefined;
  let again = false;
  const checkNow = () => {
    if (stopped) return;
    if (checking) {
      // A notice that arrives during a check must not be lost to that check's older answer.
      again = true;
      return;
    }
    checking = true;
    watch
      .check()
      .then((state) => {
        if (state === 'expired') closeWith(SOCKET_CLOSE_EXPIRED, 'Token expired');
        else if (state === 'revoked') closeWith(SOCKET_CLOSE_REVOKED, 'Session revoked');
      })
      .catch((error: unknown) => watch.onCheckError?.(error))
      .finally(() => {
        checking = false;
        if (again) {
          again = false;
          checkNow();
        }
      });
  };
  const recheck = setInterval(() => {
    if (!checking) checkNow();
  }, watch.checkEveryMs);
  // Timers must not keep a shutting-down process alive.
  expiry?.unref?.();
  recheck.unref?.();
  return { stop, checkNow };
}
