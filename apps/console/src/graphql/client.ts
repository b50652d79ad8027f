import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createSocket, type Client as SocketClient } from 'graphql-ws';
import { accessToken } from '../session/access-token';
import { liveStatus } from './live-status';
import { HUB_CLOCK_HEADER, noteHubClock } from './hub-clock';

/** Close codes after which reconnecting cannot help: the officer must sign in again. */
const FINAL_CLOSE_CODES = new Set([4400, 4403]);
/** 4401: the access token expired; the next connection_init asks the session for a fresh one. */
const TOKEN_EXPIRED = 4401;

export interface SocketHooks {
  /** Called before each (re)connect; resolves once the access token is fresh. */
  freshToken(): Promise<string | null>;
  /** The server closed for good (revoked session, deactivated officer). */
  onRevoked(): void;
}

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * graphql-ws with reconnection: it retries with growing pauses for as long as the page is open
 * (phones lose their link often), asks for a fresh token before each attempt, and stops for
 * good on a revoked session instead of retrying it forever.
 */
export function createLiveSocket(hooks: SocketHooks): SocketClient {
  return createSocket({
    url: websocketUrl(),
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: async (retries) => {
      const ms = Math.min(30_000, 1000 * 2 ** Math.min(retries, 5)) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    shouldRetry: (event) => {
      const code = (event as { code?: number } | null)?.code;
      if (code !== undefined && FINAL_CLOSE_CODES.has(code)) {
        hooks.onRevoked();
        return false;
      }
      return true;
    },
    connectionParams: async () => {
      const token = await hooks.freshToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: () => liveStatus.set('connecting'),
      connected: () => liveStatus.set('connected'),
      closed: (event) => {
        liveStatus.set('closed');
        if ((event as { code?: number } | null)?.code === TOKEN_EXPIRED) void hooks.freshToken();
      },
    },
  });
}

/** urql over HTTP (queries, mutations) and over the WebSocket (subscriptions). */
export function createGraphqlClient(socket: SocketClient): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    // Every response tells the hub's time: "time left" is counted on it (hub-clock.ts).
    fetch: async (input, init) => {
      const sentAt = Date.now();
      const response = await fetch(input, init);
      noteHubClock(response.headers.get(HUB_CLOCK_HEADER), sentAt, Date.now());
      return response;
    },
    fetchOptions: () => {
      const token = accessToken();
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      return { headers };
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
}
