import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** Options shared by the apps, the migration runner and the tests. Never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'simpul',
      // A database that does not answer (a dropped network) fails a request after 10 s, as
      // SERVICE_UNAVAILABLE, instead of holding it until the operating system gives up.
      connectionTimeoutMillis: 10_000,
    },
  };
}
