import DataLoader from 'dataloader';

/**
 * What every GraphQL resolver receives as context. `actor` is set by the auth guard (HTTP) or at
 * connection time (WebSocket); `loaders` batches lookups within one request only, so nothing is
 * cached across requests or replicas.
 */
export interface RequestContext<TActor = unknown> {
  /** Raw request (Fastify) for HTTP operations; absent on WebSocket operations. */
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string; id?: string };
  /**
   * The client's address as TRUST_PROXY defines it (the socket's peer unless trusted proxies
   * forward it), over HTTP and WebSocket alike; what rate limits, the sign-in lockout and logs use.
   */
  clientAddress?: string;
  /** connection_init payload for WebSocket operations. */
  connectionParams?: Record<string, unknown>;
  actor?: TActor;
  loaders: Map<string, DataLoader<string, unknown>>;
}

/** A request-scoped DataLoader, created on first use under `name`. */
export function loaderFor<V>(
  context: RequestContext<unknown>,
  name: string,
  batch: (keys: readonly string[]) => Promise<(V | null)[]>,
): DataLoader<string, V | null> {
  let loader = context.loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(batch);
    context.loaders.set(name, loader);
  }
  return loader;
}

/** Orders rows found by id to match the requested keys (DataLoader's contract). */
export function byKeys<V extends { id: string }>(keys: readonly string[], rows: V[]): (V | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => found.get(key) ?? null);
}
