import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runId, startTestServices, type TestServices } from './test-services';

declare global {
  var __simpulServices: TestServices | undefined;
}

// Jest loads global setup outside its module mapper, so nothing here may import `@simpul/*`.
const PREPARE = join(process.cwd(), 'dist/apps/gateway/src/cli/prepare-database.js');

/**
 * One database and one Redis key prefix per test run, prepared once — migrations, reference data
 * and demo cast — by the same command `npm start` runs; dropped in global-teardown. The values
 * reach the test files through process.env (workers inherit it).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(PREPARE))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  const services = await startTestServices();
  globalThis.__simpulServices = services;
  const id = runId();
  process.env.SIMPUL_TEST_RUN = id;
  process.env.DATABASE_URL = `${services.postgresServerUrl.replace(/\/$/, '')}/simpul_${id}`;
  process.env.REDIS_URL = services.redisUrl;
  process.env.REDIS_PREFIX = `simpul-${id}`;
  process.env.SIMPUL_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.RATE_LIMIT_OFFICER_RPM = '0';
  process.env.RATE_LIMIT_ADDRESS_RPM = '0';
  // The tests stand in for a proxy on loopback: their X-Forwarded-For names the client, so each
  // test file can sign in from addresses of its own. Tests of TRUST_PROXY itself set their own.
  process.env.TRUST_PROXY = process.env.TRUST_PROXY ?? '127.0.0.1,::1';
  const prepared = spawnSync(process.execPath, [PREPARE], { env: process.env, encoding: 'utf8' });
  if (prepared.status !== 0) {
    throw new Error(`preparing the test database failed:\n${prepared.stderr || prepared.stdout}`);
  }
}
