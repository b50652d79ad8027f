import 'reflect-metadata';
import { ConfigError, loadConfig } from '@simpul/config';
import { prepareDatabase } from '../prepare-database';

/** `node dist/apps/gateway/src/cli/prepare-database.js`: migrations, reference data, demo cast. */
prepareDatabase(loadConfig())
  .then((applied) => console.log(`database ready (${applied.length} migration(s) applied)`))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
