import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { loginAs } from '../support/login-as';
import { percentile } from './measurement';

/** One alert to this many units: issue 9's fan-out figure. */
export const FANOUT_UNITS = 100;

export interface FanoutResult {
  label: string;
  rounds: number;
  p50: number;
  p99: number;
  max: number;
  note?: string;
}

const summarise = (label: string, latencies: number[], note?: string): FanoutResult => ({
  label,
  rounds: latencies.length,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  max: Math.max(...latencies),
  note,
});

/**
 * The raw queue figure beside the alert's: BullMQ addBulk of 100 jobs and a worker (no-op
 * handler, the delivery queue's concurrency) processing all of them, add → last processed.
 */
export async function measureBullmqFanout(
  redisUrl: string,
  prefix: string,
  rounds: number,
): Promise<FanoutResult> {
  const producer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const consumer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const options = { prefix: `{${prefix}}` };
  const queue = new Queue('bench-fanout', { ...options, connection: producer });
  let pending = 0;
  let allDone: () => void = () => undefined;
  const worker = new Worker(
    'bench-fanout',
    async (_job: Job) => {
      if (--pending === 0) allDone();
    },
    { ...options, connection: consumer, concurrency: 64 },
  );
  const latencies: number[] = [];
  try {
    await worker.waitUntilReady();
    for (let round = 0; round < rounds; round++) {
      const done = new Promise<void>((resolve) => (allDone = resolve));
      pending = FANOUT_UNITS;
      const t0 = performance.now();
      await queue.addBulk(
        Array.from({ length: FANOUT_UNITS }, () => ({
          name: 'deliver-alert',
          data: { alertId: randomUUID(), unitId: randomUUID() },
          opts: { removeOnComplete: true, removeOnFail: true },
        })),
      );
      await done;
      latencies.push(performance.now() - t0);
    }
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
  return summarise(`BullMQ addBulk ${FANOUT_UNITS} → all processed`, latencies);
}

const RAISE = `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`;

/**
 * Simpul's fan-out through the built gateway and worker: an ADMIN routing rule sends OTHER alerts
 * to 100 units; Polda NTT raises one alert at a time and the clock runs from the raiseAlert
 * request until PostgreSQL shows all 100 deliveries DELIVERED (polled every 2 ms on a connection
 * of its own) — the outbox row per unit, the relay, 100 jobs, the batched delivery transactions
 * with their ALERT_DELIVERED entries. Also reported: raised_at → the last delivered_at as
 * PostgreSQL recorded them (no polling in it).
 */
export async function measureAlertFanout(
  graphqlUrl: string,
  databaseUrl: string,
  rounds: number,
): Promise<FanoutResult[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const admin = await loginAs(graphqlUrl, 'admin');
    const police = await loginAs(graphqlUrl, 'polda.ntt');
    const { rows: units } = await db.query<{ id: string }>(
      'SELECT id FROM unit ORDER BY code LIMIT $1',
      [FANOUT_UNITS],
    );
    await admin.client.data(
      `mutation($input: AlertRoutingRuleInput!) { createAlertRoutingRule(input: $input) { id } }`,
      { input: { name: 'bench fan-out', alertTypes: ['OTHER'], unitIds: units.map((u) => u.id) } },
    );
    const observed: number[] = [];
    const recorded: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      const { raiseAlert } = await police.client.data<{ raiseAlert: { id: string } }>(RAISE, {
        input: { type: 'OTHER', severity: 'LOW', summary: `bench ${round}` },
      });
      for (;;) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alert_delivery WHERE alert_id = $1 AND delivery = 'DELIVERED'`,
          [raiseAlert.id],
        );
        if (rows[0].n >= units.length) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      observed.push(performance.now() - t0);
      const { rows } = await db.query<{ ms: number }>(
        `SELECT extract(epoch FROM max(d.delivered_at) - a.raised_at) * 1000 AS ms
           FROM alert a JOIN alert_delivery d ON d.alert_id = a.id WHERE a.id = $1 GROUP BY a.raised_at`,
        [raiseAlert.id],
      );
      recorded.push(Number(rows[0].ms));
    }
    return [
      summarise(`Simpul alert → ${units.length} units delivered (client)`, observed),
      summarise(`Simpul raised_at → last delivered_at (PostgreSQL)`, recorded),
    ];
  } finally {
    await db.end();
  }
}

export function formatFanout(results: FanoutResult[]): string {
  const rows = results.map(
    (r) =>
      `${r.label.padEnd(58)} ${String(r.rounds).padStart(6)} ${r.p50.toFixed(1).padStart(9)} ${r.p99
        .toFixed(1)
        .padStart(9)} ${r.max.toFixed(1).padStart(9)}`,
  );
  return [
    `${'alert fan-out'.padEnd(58)} ${'rounds'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}`,
    ...rows,
    'target: p99 ≤ 250 ms until every unit has it delivered',
  ].join('\n');
}
