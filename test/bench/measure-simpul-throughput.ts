import type { GraphqlClient } from '../support/graphql-client';
import { findUnitIds, loginAs } from '../support/login-as';
import type { AppProcesses } from '../support/start-app-processes';
import { subscribeToUnitEvents, type UnitEventStream } from '../support/subscribe-to-unit-events';
import type { SimpulMode } from './bench-options';
import { cpuUsed, machineBusy, readCpu } from './cpu-meter';
import { watchDatabaseActivity } from './database-activity';
import { readRecordedLatency } from './read-recorded-latency';

/** The demo cast's desk officers: senders, and (the next one in this ring) receivers. */
export const DESK_OFFICERS = [
  'kbri.phnompenh',
  'kemlu.pwni',
  'kp2mi.pusat',
  'bp3mi.ntt',
  'kemnaker.pengawasan',
  'kemensos.rptc',
  'uptdppa.ntt',
  'lpsk',
];

/** What one Simpul run measured. CPU is per referral sent, from window start until all delivered. */
export interface SimpulRunResult {
  mode: SimpulMode;
  seconds: number;
  /** Open loop: the arrival rate asked for. */
  rate?: number;
  sent: number;
  failedSends: number;
  deliveredInWindow: number;
  /** Sent inside the window, not DELIVERED when it closed. */
  backlogAtEnd: number;
  /** Sent but never DELIVERED (within the drain time). */
  undelivered: number;
  /** Send start → DELIVERED event, every delivered referral of the window. */
  latenciesMs: number[];
  /** How long after the window the last delivery came. */
  drainSeconds: number;
  /** sent_at → delivered_at as PostgreSQL recorded them. */
  recorded: { p50: number; p99: number };
  /** ms of CPU per referral, by process: gateway, worker, postgres (the backends), bench. */
  cpuMsPerReferral: Map<string, number>;
  machineBusyPercent: number;
  backends: string;
}

interface DeliveredEvent {
  action: string;
  referral: { id: string } | null;
}

interface Loop {
  client: GraphqlClient;
  caseId: string;
  toUnitId: string;
}

const OPEN_CASE = `mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const SEND_REFERRAL = `mutation SendReferral($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const DELIVERY_TIMEOUT_MS = 60_000;
/** After a window, the bench waits this long at most for its backlog before the next run. */
const DRAIN_TIMEOUT_MS = 90_000;

/**
 * Where the bench reads the clock: when a send starts, and when the referral's REFERRAL_DELIVERED
 * first reaches a subscriber. The event may arrive before the sendReferral response does.
 */
class DeliveryClock {
  readonly sentAt = new Map<string, number>();
  readonly deliveredAt = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();

  recordDelivered(referralId: string): void {
    if (this.deliveredAt.has(referralId)) return;
    this.deliveredAt.set(referralId, performance.now());
    this.waiting.get(referralId)?.();
    this.waiting.delete(referralId);
  }

  waitForDelivery(referralId: string, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<void> {
    if (this.deliveredAt.has(referralId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${referralId} not delivered within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.set(referralId, () => (clearTimeout(timer), resolve()));
    });
  }
}

async function openCase(client: GraphqlClient, loop: number): Promise<string> {
  const { openCase } = await client.data<{ openCase: { id: string } }>(OPEN_CASE, {
    input: { title: `Bench case ${loop}`, exploitationTypes: ['FORCED_LABOUR'] },
  });
  return openCase.id;
}

async function sendReferral(loop: Loop): Promise<string> {
  const { sendReferral } = await loop.client.data<{ sendReferral: { id: string } }>(SEND_REFERRAL, {
    input: {
      caseId: loop.caseId,
      toUnitId: loop.toUnitId,
      services: ['REPATRIATION'],
      priority: 'ROUTINE',
      summary: 'Bench referral: please arrange repatriation.',
    },
  });
  return sendReferral.id;
}

/**
 * Desk officers, each with `loopsPerSender` loops on cases of their own, send referrals to the
 * next officer's unit; every receiving unit listens to unitEvents over graphql-ws, and a
 * referral counts as delivered when its REFERRAL_DELIVERED event arrives there.
 */
export class SimpulBench {
  private readonly clock = new DeliveryClock();

  private constructor(
    private readonly apps: AppProcesses,
    private readonly databaseUrl: string,
    private readonly loops: Loop[],
    private readonly streams: UnitEventStream<DeliveredEvent>[],
  ) {}

  static async start(
    apps: AppProcesses,
    databaseUrl: string,
    senders: number,
    loopsPerSender: number,
  ): Promise<SimpulBench> {
    const officers = await Promise.all(DESK_OFFICERS.map((name) => loginAs(apps.graphqlUrl, name)));
    const unitIds = await findUnitIds(officers[0].client);
    const receiverOf = (sender: number) => officers[(sender + 1) % officers.length];
    const receivers = new Set(officers.slice(0, senders).map((_, sender) => receiverOf(sender)));
    const streams: UnitEventStream<DeliveredEvent>[] = [];
    const loops = await Promise.all(
      Array.from({ length: senders * loopsPerSender }, async (_, n): Promise<Loop> => {
        const sender = n % senders;
        return {
          client: officers[sender].client,
          caseId: await openCase(officers[sender].client, n),
          toUnitId: unitIds.get(receiverOf(sender).officer.unit.code)!,
        };
      }),
    );
    const bench = new SimpulBench(apps, databaseUrl, loops, streams);
    for (const officer of receivers) {
      streams.push(
        subscribeToUnitEvents<DeliveredEvent>(
          apps.websocketUrl,
          officer.token,
          'action referral { id }',
          (event) => {
            if (event.action === 'REFERRAL_DELIVERED' && event.referral)
              bench.clock.recordDelivered(event.referral.id);
          },
        ),
      );
    }
    // Warm-up, not measured: one referral per loop delivered end to end proves that the worker
    // runs and every subscription is live before any clock starts.
    await Promise.all(
      loops.map(async (loop) => bench.clock.waitForDelivery(await sendReferral(loop))),
    );
    return bench;
  }

  async close(): Promise<void> {
    await Promise.all(this.streams.map((stream) => stream.close()));
  }

  /** One measured window of `mode`, then waits for its backlog to be delivered. */
  async run(mode: SimpulMode, durationMs: number, rate = 0): Promise<SimpulRunResult> {
    const sent: string[] = [];
    const activity = await watchDatabaseActivity(this.databaseUrl);
    const processes = { ...this.apps.pids, postgres: activity.backendPids };
    const cpuAtStart = readCpu(processes);
    let failedSends = 0;
    const send = async (loop: Loop): Promise<string | undefined> => {
      const t0 = performance.now();
      try {
        const id = await sendReferral(loop);
        this.clock.sentAt.set(id, t0);
        sent.push(id);
        return id;
      } catch (error) {
        if (failedSends++ === 0) console.error(`[bench] ${String(error)}`);
        return undefined;
      }
    };
    const started = performance.now();
    const deadline = started + durationMs;
    if (mode === 'open') await this.openLoop(send, deadline, rate);
    else {
      await Promise.all(
        this.loops.map(async (loop) => {
          while (performance.now() < deadline) {
            const id = await send(loop);
            // A delivery that never comes is counted below, as sent but not delivered.
            if (id && mode === 'closed-on-delivery')
              await this.clock.waitForDelivery(id).catch(() => undefined);
          }
        }),
      );
    }
    const windowEnd = performance.now();
    const backends = await activity.stop();
    const deliveredBy = (id: string, t: number) =>
      (this.clock.deliveredAt.get(id) ?? Infinity) <= t;
    const deliveredInWindow = sent.filter((id) => deliveredBy(id, windowEnd)).length;
    // The backlog is delivered before the next run starts, and its CPU counted for this one.
    await Promise.allSettled(sent.map((id) => this.clock.waitForDelivery(id, DRAIN_TIMEOUT_MS)));
    const cpuAtEnd = readCpu(processes);
    const delivered = sent.filter((id) => this.clock.deliveredAt.has(id));
    const lastDelivery = Math.max(
      windowEnd,
      ...delivered.map((id) => this.clock.deliveredAt.get(id)!),
    );
    const cpuMsPerReferral = new Map(
      [...cpuUsed(cpuAtStart, cpuAtEnd)].map(([name, seconds]) => [
        name,
        (seconds * 1000) / Math.max(1, delivered.length),
      ]),
    );
    return {
      mode,
      seconds: (windowEnd - started) / 1000,
      rate: mode === 'open' ? rate : undefined,
      sent: sent.length,
      failedSends,
      deliveredInWindow,
      backlogAtEnd: sent.length - deliveredInWindow,
      undelivered: sent.length - delivered.length,
      latenciesMs: delivered.map(
        (id) => this.clock.deliveredAt.get(id)! - this.clock.sentAt.get(id)!,
      ),
      drainSeconds: (lastDelivery - windowEnd) / 1000,
      recorded: await readRecordedLatency(this.databaseUrl, sent),
      cpuMsPerReferral,
      machineBusyPercent: machineBusy(cpuAtStart, cpuAtEnd),
      backends,
    };
  }

  /** Starts send n at start + n / rate, whether or not earlier sends have answered. */
  private async openLoop(
    send: (loop: Loop) => Promise<string | undefined>,
    deadline: number,
    rate: number,
  ): Promise<void> {
    const start = performance.now();
    const inFlight: Promise<unknown>[] = [];
    for (let n = 0; ; n++) {
      const due = start + (n * 1000) / rate;
      if (due >= deadline) break;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(send(this.loops[n % this.loops.length]));
    }
    await Promise.all(inFlight);
  }
}
