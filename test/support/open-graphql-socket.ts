import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';

export interface GraphqlSocket {
  /** Resolves with the close code once the server closes the connection. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged connection_init (the token was accepted). */
  connected: Promise<void>;
  /** Subscribes to unitEvents; errors of the operation are collected in `errors`. */
  subscribeToUnitEvents(): void;
  errors: unknown[];
  dispose(): Promise<void>;
}

/**
 * A graphql-ws connection with this token in connection_init, that does not reconnect: the test
 * sees exactly how the server closed it.
 */
export function openGraphqlSocket(websocketUrl: string, token: string): GraphqlSocket {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  let onConnected: () => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const errors: unknown[] = [];
  const client: Client = createClient({
    url: websocketUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    closed,
    connected,
    errors,
    subscribeToUnitEvents: () => {
      client.subscribe(
        { query: 'subscription { unitEvents { seq action } }' },
        { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
      );
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
