import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '@simpul/config';
import type { RequestContext } from '@simpul/common';
import type { AccessTokenAuthenticator, Actor } from '@simpul/identity';
import { formatGraphqlError } from './format-error';

type ConnectionContext = {
  connectionParams?: Record<string, unknown>;
  extra?: Record<string, unknown>;
};

/**
 * GraphQL over HTTP (POST /graphql) and WebSocket (graphql-ws on the same path). The schema is
 * built from the code and sorted, so schema/schema.graphql diffs stay readable.
 */
export function graphqlOptions(
  config: AppConfig,
  authenticator: AccessTokenAuthenticator,
): ApolloDriverConfig {
  const production = config.env === 'production';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    buildSchemaOptions: { dateScalarMode: 'isoDate', noDuplicatedFields: true },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // A connection without a valid token is refused at connection_init (close code 4403).
        onConnect: async (connection) => {
          const context = connection as ConnectionContext;
          const header = context.connectionParams?.authorization;
          try {
            const actor = await authenticator.authenticateBearer(
              typeof header === 'string' ? header : undefined,
            );
            if (context.extra) context.extra.actor = actor;
            return true;
          } catch {
            return false;
          }
        },
      },
    },
    context: (request: unknown): RequestContext<Actor> => {
      const connection = request as ConnectionContext;
      if (connection && typeof connection === 'object' && 'connectionParams' in connection) {
        return {
          connectionParams: connection.connectionParams,
          actor: connection.extra?.actor as Actor | undefined,
          loaders: new Map(),
        };
      }
      // On Fastify the context function receives the raw Fastify request.
      return { req: request as RequestContext['req'], loaders: new Map() };
    },
  };
}
