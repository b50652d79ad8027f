import { loadConfig } from '@simpul/config';
import { prepareDatabase } from '../../apps/gateway/src/prepare-database';
import { runId, startTestServices, type TestServices } from './test-services';

declare global {
  var __simpulServices: TestServices | undefined;
}

/**
 * One database and one Redis key prefix per test run, migrated and seeded once; dropped in global-teardown.
 * The values reach the test files through process.env (workers inherit it).
 */
export default async function globalSetup(): Promise<void> {
  const services = await startTestServices();
  globalThis.__simpulServices = services;
  const id = runId();
  const databaseUrl = `${services.postgresServerUrl.replace(/\/$/, '')}/simpul_${id}`;
  process.env.SIMPUL_TEST_RUN = id;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  process.env.REDIS_PREFIX = `simpul-${id}`;
  process.env.SIMPUL_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.RATE_LIMIT_OFFICER_RPM = '0';
  process.env.RATE_LIMIT_ADDRESS_RPM = '0';
  // Migrations, reference data and the demo cast, exactly as `npm start` prepares them.
  await prepareDatabase(loadConfig());
}
