import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { dropDatabase } from '@simpul/database';
import { removeRedisKeys } from '../support/remove-redis-keys';
import { runId, startTestServices } from '../support/test-services';

export interface BenchEnvironment {
  id: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The environment the gateway and worker run with. */
  appEnv: NodeJS.ProcessEnv;
  /** Drops the bench database and deletes the bench's Redis keys. Idempotent. */
  cleanUp(): Promise<void>;
}

/**
 * A database `simpul_bench_<id>` prepared exactly as `npm start` prepares one (migrations,
 * reference data, demo cast) and a Redis prefix of its own, so the bench never touches anything
 * else on the shared servers.
 */
export async function prepareBenchEnvironment(root: string): Promise<BenchEnvironment> {
  const services = await startTestServices();
  const id = runId();
  const databaseUrl = `${services.postgresServerUrl.replace(/\/$/, '')}/simpul_bench_${id}`;
  const redisPrefix = `simpul-bench-${id}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: redisPrefix,
    SIMPUL_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL || 'warn',
    RATE_LIMIT_OFFICER_RPM: '0',
    RATE_LIMIT_ADDRESS_RPM: '0',
    // Up to 8 × 32 closed loops share 127.0.0.1: more than a real client address would hold.
    MAX_CONNECTIONS_PER_ADDRESS: '0',
  };
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await dropDatabase(databaseUrl);
    await removeRedisKeys(services.redisUrl, redisPrefix);
    await services.stop();
  };
  const prepare = spawnSync(
    process.execPath,
    [join(root, 'dist/apps/gateway/src/cli/prepare-database.js')],
    { cwd: root, env: appEnv, encoding: 'utf8' },
  );
  if (prepare.status !== 0) {
    await cleanUp();
    throw new Error(`preparing the bench database failed:\n${prepare.stdout}${prepare.stderr}`);
  }
  return { id, databaseUrl, redisUrl: services.redisUrl, redisPrefix, appEnv, cleanUp };
}
