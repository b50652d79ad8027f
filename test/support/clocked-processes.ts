import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import { TimerSweep, type SweepOutcome } from '@simpul/delivery';
import { bootGateway, bootWorker, dataSourceOf } from './boot-in-process';
import { PrivateRedis } from './private-redis';

/** Gateway and worker in this process, on a Redis of the test's own, with clocks the test sets. */
export interface ClockedProcesses {
  gateway: NestFastifyApplication;
  worker: INestApplicationContext;
  db: DataSource;
  redis: PrivateRedis;
  /** Both processes' clocks read `iso` now (and run on from there). */
  setClocks(iso: string): void;
  /** One timer sweep: the rebuild from PostgreSQL a worker does at start or after losing Redis. */
  sweep(): Promise<SweepOutcome>;
  stop(): Promise<void>;
}

/** TIMER_SWEEP_MS of these processes: the sweep arms timers due within three of it (3 h). */
export const CLOCKED_SWEEP_MS = 3_600_000;

/**
 * The processes of the deadline and escalation tests: no test waits for real hours. The periodic
 * timer sweep is slowed to an hour, so every sweep is one the test asks for; the outbox relay
 * sweeps fast, so a delayed job Redis lost is handed to BullMQ again within the test.
 */
export async function startClockedProcesses(): Promise<ClockedProcesses> {
  const redis = await PrivateRedis.start();
  const env = {
    REDIS_URL: redis.url,
    TIMER_SWEEP_MS: String(CLOCKED_SWEEP_MS),
    OUTBOX_SWEEP_MS: '200',
    OUTBOX_LEASE_MS: '2000',
  };
  const gateway = await bootGateway(env);
  const worker = await bootWorker(env);
  return {
    gateway,
    worker,
    db: dataSourceOf(gateway),
    redis,
    setClocks: (iso) => {
      for (const app of [gateway, worker]) app.get<AdjustableClock>(CLOCK).set(new Date(iso));
    },
    sweep: () => worker.get(TimerSweep).sweep(),
    stop: async () => {
      await worker.close();
      await gateway.close();
      await redis.stop();
    },
  };
}

/**
 * Starts the clocked processes before the tests of the file that calls it (in its `describe`)
 * and stops them after them. The object stands in for the processes from the start, because a
 * describe body runs before its beforeAll: its fields are read when a test runs.
 */
export function clockedProcessesOfThisFile(bootTimeoutMs: number): ClockedProcesses {
  let started: ClockedProcesses | undefined;
  beforeAll(async () => {
    started = await startClockedProcesses();
  }, bootTimeoutMs);
  afterAll(() => started?.stop());
  const get = (): ClockedProcesses => {
    if (!started) throw new Error('the clocked processes have not started');
    return started;
  };
  return {
    get gateway() {
      return get().gateway;
    },
    get worker() {
      return get().worker;
    },
    get db() {
      return get().db;
    },
    get redis() {
      return get().redis;
    },
    setClocks: (iso) => get().setClocks(iso),
    sweep: () => get().sweep(),
    stop: () => get().stop(),
  };
}
