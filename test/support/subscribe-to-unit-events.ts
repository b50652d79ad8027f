import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';

export interface UnitEventStream<T> {
  /** Every event received so far, in arrival order. */
  readonly events: T[];
  /** Resolves with the first received event matching `predicate` (past or future). */
  waitFor(predicate: (event: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws connection with the officer's token in connectionParams and subscribes to
 * `unitEvents { <selection> }`. `onEvent` (optional) sees each event as it arrives.
 */
export function subscribeToUnitEvents<T>(
  websocketUrl: string,
  token: string,
  selection: string,
  onEvent?: (event: T) => void,
): UnitEventStream<T> {
  const events: T[] = [];
  const waiters = new Set<() => void>();
  let failure: Error | undefined;
  const client: Client = createClient({
    url: websocketUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
  const stop = client.subscribe<{ unitEvents: T }>(
    { query: `subscription UnitEvents { unitEvents { ${selection} } }` },
    {
      next: (result) => {
        if (result.errors?.length) failure = new Error(JSON.stringify(result.errors));
        if (!result.data) return;
        events.push(result.data.unitEvents);
        onEvent?.(result.data.unitEvents);
        for (const wake of waiters) wake();
      },
      error: (error) => {
        failure =
          error instanceof Error ? error : new Error(`subscription closed: ${describe(error)}`);
        for (const wake of waiters) wake();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    waitFor: (predicate, timeoutMs = 15_000) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found === undefined && !failure) return;
          waiters.delete(check);
          clearTimeout(timer);
          if (found !== undefined) resolve(found);
          else reject(failure!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching unit event within ${timeoutMs} ms (got ${JSON.stringify(events)})`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

function describe(reason: unknown): string {
  const close = reason as { code?: number; reason?: string };
  return typeof close?.code === 'number' ? `${close.code} ${close.reason ?? ''}` : String(reason);
}

/**
 * pub/sub keeps nothing for the absent and graphql-ws has no "subscribed" acknowledgement, so a
 * test that must see the very next event waits until the gateway has SUBSCRIBEd to the handoff
 * channel (`<REDIS_PREFIX>:handoff-events`) before it acts.
 */
export async function waitForHandoffSubscribers(
  redisUrl: string,
  redisPrefix: string,
  timeoutMs = 10_000,
): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  const channel = `${redisPrefix}:handoff-events`;
  try {
    await redis.connect();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) > 0) return;
      if (Date.now() > deadline)
        throw new Error(`nobody subscribed to ${channel} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    redis.disconnect();
  }
}
