import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createGateway } from './create-gateway';

/** Writes the served schema to schema/schema.graphql (run from the repository root). */
async function printServedSchema(): Promise<void> {
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
