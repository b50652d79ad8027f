import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedReferenceData } from '@simpul/agency';
import { seedAlertRoutingRules } from '@simpul/alert';
import type { AppConfig } from '@simpul/config';
import { dataSourceOptions, grantDatabaseRoles, runMigrations } from '@simpul/database';
import { DEMO_CAST, seedDemoCast } from '@simpul/identity';
import { seedDemoWorkEmails } from '@simpul/notification';

/**
 * Brings a database up to date before the apps start: creates it if missing, applies pending
 * migrations, loads reference data (agencies, units, alert routing rules) and — outside production — the demo cast
 * with its work email addresses, then creates the least-privilege roles gateway and worker connect
 * as and grants them what they may do (docs/adr/0013-least-privilege-database-roles.md). Runs as
 * the owner (DATABASE_URL).
 * Idempotent: running it twice creates nothing twice.
 */
export async function prepareDatabase(config: AppConfig): Promise<string[]> {
  const applied = await runMigrations(config.databaseUrl);
  const dataSource = new DataSource({ ...dataSourceOptions(config.databaseUrl, 1), entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedAlertRoutingRules(manager);
      if (config.seedDemo) {
        await seedDemoCast(manager, config.demoPassword);
        await seedDemoWorkEmails(
          manager,
          DEMO_CAST.map((officer) => officer.username),
        );
      }
    });
  } finally {
    await dataSource.destroy();
  }
  await grantDatabaseRoles(config.databaseUrl, config.database);
  return applied;
}
