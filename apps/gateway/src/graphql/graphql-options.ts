import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ClientAddressResolver, type AppConfig } from '@simpul/config';
import type { RequestContext } from '@simpul/common';
import {
  watchSocketSession,
  type AccessTokenAuthenticator,
  type Actor,
  type Credential,
  type CredentialCarrier,
} from '@simpul/identity';
import { hardenedApolloOptions, hardenedSubscriptionOptions } from '../hardening';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './format-error';
import { graphqlMetricsPlugin } from '../operators/graphql-metrics.plugin';
import { serviceUnavailablePlugin } from './service-unavailable';

/** What this file keeps in graphql-ws's per-connection `extra` (beside its `socket`). */
interface ConnectionExtra {
  socket?: { readyState: number; close(code: number, reason: string): void };
  /** The HTTP upgrade request the connection came with (graphql-ws's ws adapter sets it). */
  request?: {
    headers: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  };
  clientAddress?: string;
  actor?: Actor;
  credential?: Credential;
  stopSessionWatch?: () => void;
}

/** The part of Fastify's request the context function reads. */
interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

type ConnectionContext = {
  connectionParams?: Record<string, unknown>;
  extra?: ConnectionExtra;
};

/** ws's WebSocket.OPEN */
const SOCKET_OPEN = 1;

const logger = new Logger('GraphQL');

/**
 * GraphQL over HTTP (POST /graphql) and WebSocket (graphql-ws on the same path). The schema is
 * built from the code and sorted, so schema/schema.graphql diffs stay readable.
 */
export function graphqlOptions(
  config: AppConfig,
  authenticator: AccessTokenAuthenticator,
): ApolloDriverConfig {
  const production = config.env === 'production';
  // Operation limits, field-suggestion hiding and the per-address rate limit (docs/security.md).
  const { plugins, validationRules } = hardenedApolloOptions(config);
  // One reading of X-Forwarded-For for HTTP and WebSocket alike (TRUST_PROXY).
  const addresses = new ClientAddressResolver(config.trustProxy);
  const addressOf = (request: HttpRequest | undefined) =>
    request
      ? addresses.resolve(request.socket?.remoteAddress, request.headers['x-forwarded-for'])
      : undefined;
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries are off: no Simpul client sends them (the console and agency
    // systems POST whole documents), and each replica's cache would be memory anyone can fill. A
    // request carrying `extensions.persistedQuery` — a hash alone, or a hash with a query, matching
    // or not — answers PERSISTED_QUERY_NOT_SUPPORTED without executing (Apollo's convention, on
    // which Apollo Client's persisted-query link falls back to sending the query).
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    plugins: [...plugins, serviceUnavailablePlugin, graphqlMetricsPlugin],
    // Nest would reset every response with a `data` key to HTTP 200, the 503 of a database outage
    // included; serviceUnavailablePlugin decides that status (no error here sets extensions.http).
    preserveHttpStatusForExecutionErrors: false,
    validationRules,
    buildSchemaOptions: {
      dateScalarMode: 'isoDate',
      // Every `Date` field and argument is this strict DateTime (date-time.scalar.ts).
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      noDuplicatedFields: true,
    },
    subscriptions: {
      'graphql-ws': {
        // The same limits for operations over WebSocket (a spread: Nest's type lacks `validate`).
        ...hardenedSubscriptionOptions(config),
        path: '/graphql',
        // A connection without a valid token is refused at connection_init (close code 4403). An
        // accepted one lives only as long as its token: closed with 4401 when it expires and with
        // 4403 when it is revoked or its officer deactivated or moved — checked at once when such
        // a change commits (PostgreSQL NOTIFY) and periodically in any case.
        onConnect: async (connection) => {
          const context = connection as ConnectionContext;
          if (context.extra) context.extra.clientAddress = addressOf(context.extra.request);
          const header = context.connectionParams?.authorization;
          let authenticated;
          try {
            authenticated = await authenticator.authenticate(
              typeof header === 'string' ? header : undefined,
            );
          } catch {
            return false;
          }
          const extra = context.extra;
          if (!extra) return false;
          extra.actor = authenticated.actor;
          extra.credential = authenticated.credential;
          const socket = extra.socket;
          // The client may have gone while the token was checked: start no timers for it.
          if (socket && socket.readyState === SOCKET_OPEN) {
            const { actor, credential } = authenticated;
            const watch = watchSocketSession({
              expiresAt: credential.expiresAt,
              checkEveryMs: config.wsSessionCheckMs,
              check: () => authenticator.sessionState(credential, actor),
              close: (code, reason) => socket.close(code, reason),
              onCheckError: (error) =>
                logger.warn(
                  { err: { type: error instanceof Error ? error.name : typeof error } },
                  'WebSocket session check failed; retrying at the next check',
                ),
            });
            // Logout or deactivation on any replica: check now instead of at the next tick.
            const unsubscribe = authenticator.onAccessChange(actor.officerId, watch.checkNow);
            extra.stopSessionWatch = () => {
              unsubscribe();
              watch.stop();
            };
          }
          return true;
        },
        onClose: (connection) => {
          (connection as ConnectionContext).extra?.stopSessionWatch?.();
        },
      },
    },
    context: (request: unknown): RequestContext<Actor> & CredentialCarrier => {
      const connection = request as ConnectionContext;
      if (connection && typeof connection === 'object' && 'connectionParams' in connection) {
        return {
          connectionParams: connection.connectionParams,
          clientAddress: connection.extra?.clientAddress,
          actor: connection.extra?.actor,
          credential: connection.extra?.credential,
          loaders: new Map(),
        };
      }
      // On Fastify the context function receives Fastify's request.
      return {
        req: request as RequestContext['req'],
        clientAddress: addressOf(request as HttpRequest),
        loaders: new Map(),
      };
    },
  };
}
