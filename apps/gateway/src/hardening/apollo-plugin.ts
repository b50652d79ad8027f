import type { ApolloDriverConfig } from '@nestjs/apollo';

/**
 * An Apollo Server plugin as the Nest Apollo driver accepts it. @nestjs/apollo is ESM and types
 * `plugins` with @apollo/server's ESM declarations, while this CommonJS-compiled app imports the
 * CJS ones: TypeScript treats the two as different types (HeaderMap's private field), so plugins
 * typed with `import type { ApolloServerPlugin } from '@apollo/server'` would not fit.
 */
export type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];
