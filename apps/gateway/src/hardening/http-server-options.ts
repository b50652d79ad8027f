import type { ServerOptions } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';
import type { Server } from 'node:http';
import { ClientAddressResolver, type AppConfig } from '@simpul/config';

/** Request bodies over 1 MB are refused with HTTP 413 (docs/architecture.md) before any parsing. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify's options for the gateway's HTTP server: body limit, TRUST_PROXY as `request.ip`'s trust
 * function (the same ClientAddressResolver the GraphQL context, the connection cap and the logs
 * use), and explicit timeouts against slow clients instead of Node's defaults (headers 60 s,
 * checked only every 30 s; no request timeout before Node 18).
 *
 * - headersTimeout: the complete headers of a request must arrive within HTTP_HEADERS_TIMEOUT_MS
 *   (a socket trickling header lines is answered 408 and closed);
 * - requestTimeout: headers and body within HTTP_REQUEST_TIMEOUT_MS. Node stops applying both
 *   once a connection is upgraded, so graphql-ws WebSockets live on;
 * - connectionsCheckingInterval: how often Node checks those two, a fraction of the header
 *   timeout so that it is enforced to within a second;
 * - connectionTimeout: a socket silent both ways for HTTP_CONNECTION_TIMEOUT_MS is closed (a
 *   client that stops reading its response). `ws` turns this off on the sockets it upgrades;
 *   graphql-ws keeps them alive with its own pings;
 * - keepAliveTimeout: an idle keep-alive connection is closed after HTTP_KEEPALIVE_TIMEOUT_MS.
 */
export function httpServerOptions(config: AppConfig): FastifyHttpOptions<Server> {
  const { http } = config;
  const serverOptions: ServerOptions = {
    headersTimeout: http.headersTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    connectionsCheckingInterval: http.connectionsCheckingIntervalMs,
  };
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: new ClientAddressResolver(config.trustProxy).trustsHop,
    http: serverOptions,
    // Fastify sets these on the server after creating it: they must agree with the above.
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    connectionTimeout: http.connectionTimeoutMs,
  };
}
