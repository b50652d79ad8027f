import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, Role } from '@simpul/identity';
import { createGateway } from '../../apps/gateway/src/create-gateway';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** Runs `build` with process.env temporarily overridden (config is read when modules boot). */
async function withEnv<T>(overrides: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  try {
    return await build();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The gateway application, initialised but not listening, on the run's database. */
export function bootGateway(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  return withEnv(env, async () => {
    const app = await createGateway();
    await app.init();
    return app;
  });
}

/** The worker (outbox relay + job handlers), in this process. */
export function bootWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv(env, async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    worker.enableShutdownHooks();
    await worker.init();
    return worker;
  });
}

export const dataSourceOf = (app: INestApplicationContext): DataSource =>
  app.get<DataSource>(getDataSourceToken());

/** The Actor a valid token of this demo officer would give. */
export async function actorFor(dataSource: DataSource, username: string): Promise<Actor> {
  const [row]: { id: string; unit_id: string; agency_id: string; roles: Role[] }[] =
    await dataSource.query(
      `SELECT o.id, o.unit_id, u.agency_id, o.roles FROM officer o JOIN unit u ON u.id = o.unit_id
      WHERE o.username = $1`,
      [username],
    );
  if (!row) throw new Error(`no officer ${username}`);
  return {
    officerId: row.id,
    username,
    unitId: row.unit_id,
    agencyId: row.agency_id,
    roles: row.roles,
  };
}

export async function unitId(dataSource: DataSource, code: string): Promise<string> {
  const [row]: { id: string }[] = await dataSource.query('SELECT id FROM unit WHERE code = $1', [
    code,
  ]);
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}
