import { Client } from 'pg';
import { loadConfig } from '@simpul/config';
import { prepareDatabase } from '../../apps/gateway/src/prepare-database';

export interface IsolatedDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own beside the run's (`<run database>_<suffix>`), prepared as `npm start`
 * prepares one — migrations, reference data, demo cast — for a test that changes shared things
 * (units, officers, lockouts) the run's other files rely on. Dropped by `drop()`.
 */
export async function createIsolatedDatabase(suffix: string): Promise<IsolatedDatabase> {
  const runUrl = new URL(process.env.DATABASE_URL as string);
  const url = new URL(runUrl);
  url.pathname = `${runUrl.pathname}_${suffix}`;
  await prepareDatabase(loadConfig({ ...process.env, DATABASE_URL: url.toString() }));
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new URL(runUrl);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
