import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '@simpul/config';
import { ensureDatabase } from '@simpul/database';
import { createGateway } from './create-gateway';

/** Writes the served schema to schema/schema.graphql (run from the repository root). */
async function printServedSchema(): Promise<void> {
  // The gateway connects at start; on a fresh machine its database does not exist yet.
  await ensureDatabase(loadConfig().databaseUrl);
  const app = await createGateway();
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  writeFileSync('schema/schema.graphql', `${printSchema(schema)}\n`);
  await app.close();
  console.log('schema/schema.graphql written');
}

printServedSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
