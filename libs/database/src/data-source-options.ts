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
    extra: { max: poolSize, application_name: 'simpul' },
  };
}
