import { Client } from 'pg';
import { removeRedisKeys } from './remove-redis-keys';

/**
 * Drops the run's database and those a test made beside it (`<name>_<suffix>`,
 * isolated-database.ts), and deletes every Redis key under the run's prefix.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')",
      [name],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.end();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix && process.env.REDIS_URL) await removeRedisKeys(process.env.REDIS_URL, prefix);
  await globalThis.__simpulServices?.stop();
}
