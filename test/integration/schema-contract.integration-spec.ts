import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, printSchema, type GraphQLSchema } from 'graphql';
import { bootGateway } from '../support/boot-in-process';

/** The fixed contract agency systems code against; the served schema may only extend it. */
const CONTRACT = join(process.cwd(), 'schema/contract.graphql');
const COMMITTED = join(process.cwd(), 'schema/schema.graphql');

describe('served schema', () => {
  let app: NestFastifyApplication;
  let served: GraphQLSchema;
  beforeAll(async () => {
    app = await bootGateway();
    served = app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    await app.close();
  });

  it('is the committed schema/schema.graphql (run `npm run schema:print` after changing the API)', () => {
    expect(`${printSchema(served)}\n`).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('is a non-breaking extension of the contract', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    expect(findBreakingChanges(contract, served).map((change) => change.description)).toEqual([]);
  });
});
