import type { GraphqlClient } from '../support/graphql-client';
import { findUnitIds, loginAs } from '../support/login-as';
import type { AppProcesses } from '../support/start-app-processes';
import { subscribeToUnitEvents } from '../support/subscribe-to-unit-events';
import { describeCpu, readCpu } from './cpu-meter';
import { watchDatabaseActivity } from './database-activity';
import type { Measurement } from './measurement';
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

export interface SimpulRun {
  senders: number;
  loopsPerSender: number;
  durationMs: number;
  /** closed: a loop sends its next referral once the last one is DELIVERED; open: at once. */
  mode: 'closed' | 'open';
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
 * next officer's unit for `durationMs`; every receiving unit listens to unitEvents over graphql-ws.
 * Throughput counts referrals whose REFERRAL_DELIVERED arrived inside the window; latency is send
 * start → that event.
 */
export async function measureSimpulThroughput(
  apps: AppProcesses,
  databaseUrl: string,
  run: SimpulRun,
): Promise<Measurement> {
  const officers = await Promise.all(DESK_OFFICERS.map((name) => loginAs(apps.graphqlUrl, name)));
  const unitIds = await findUnitIds(officers[0].client);
  const receiverOf = (sender: number) => officers[(sender + 1) % officers.length];
  const receivers = new Set(officers.slice(0, run.senders).map((_, sender) => receiverOf(sender)));
  const clock = new DeliveryClock();
  const streams = [...receivers].map((officer) =>
    subscribeToUnitEvents<DeliveredEvent>(
      apps.websocketUrl,
      officer.token,
      'action referral { id }',
      (event) => {
        if (event.action === 'REFERRAL_DELIVERED' && event.referral)
          clock.recordDelivered(event.referral.id);
      },
    ),
  );
  try {
    const loops = await Promise.all(
      Array.from({ length: run.senders * run.loopsPerSender }, async (_, n): Promise<Loop> => {
        const sender = n % run.senders;
        return {
          client: officers[sender].client,
          caseId: await openCase(officers[sender].client, n),
          toUnitId: unitIds.get(receiverOf(sender).officer.unit.code)!,
        };
      }),
    );
    // Warm-up, not measured: one referral per loop delivered end to end proves that the worker
    // runs and every subscription is live before the clock starts.
    await Promise.all(loops.map(async (loop) => clock.waitForDelivery(await sendReferral(loop))));
    return await measureWindow(loops, clock, run, databaseUrl, apps.pids);
  } finally {
    await Promise.all(streams.map((stream) => stream.close()));
  }
}

async function measureWindow(
  loops: Loop[],
  clock: DeliveryClock,
  run: SimpulRun,
  databaseUrl: string,
  pids: Record<string, number>,
): Promise<Measurement> {
  const sent: string[] = [];
  const activity = await watchDatabaseActivity(databaseUrl);
  const processes = { ...pids, postgres: activity.backendPids };
  const cpuAtStart = readCpu(processes);
  let failedSends = 0;
  const started = performance.now();
  const deadline = started + run.durationMs;
  await Promise.all(
    loops.map(async (loop) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let id: string;
        try {
          id = await sendReferral(loop);
        } catch (error) {
          if (failedSends++ === 0) console.error(`[bench] ${String(error)}`);
          continue;
        }
        clock.sentAt.set(id, t0);
        sent.push(id);
        // A delivery that never comes is counted below, as sent but not delivered.
        if (run.mode === 'closed') await clock.waitForDelivery(id).catch(() => undefined);
      }
    }),
  );
  const windowEnd = performance.now();
  const cpuAtEnd = readCpu(processes);
  const backends = await activity.stop();
  // Open loop: let the deliveries of what was sent arrive (counted only if inside the window).
  if (run.mode === 'open') await Promise.allSettled(sent.map((id) => clock.waitForDelivery(id)));
  const delivered = sent.filter((id) => clock.deliveredAt.has(id));
  const inWindow = delivered.filter((id) => clock.deliveredAt.get(id)! <= windowEnd);
  const lastDelivery = Math.max(windowEnd, ...delivered.map((id) => clock.deliveredAt.get(id)!));
  const seconds = (windowEnd - started) / 1000;
  const recorded = await readRecordedLatency(databaseUrl, sent);
  return {
    label: `Simpul send → DELIVERED event (${run.mode} loop)`,
    count: inWindow.length,
    errors: failedSends + sent.length - delivered.length,
    seconds,
    latenciesMs: delivered.map((id) => clock.deliveredAt.get(id)! - clock.sentAt.get(id)!),
    // Open loop: the window's CPU went mostly into sends, so it is shared out over those.
    cpu: describeCpu(cpuAtStart, cpuAtEnd, run.mode === 'open' ? sent.length : inWindow.length),
    note:
      `${loops.length} loops, ${run.mode} loop; ${sent.length} sent (${(sent.length / seconds).toFixed(0)}/s), ` +
      `${inWindow.length} delivered inside the window, the last ${((lastDelivery - windowEnd) / 1000).toFixed(1)} s after it; ` +
      `sent_at → delivered_at as PostgreSQL recorded it: p50 ${recorded.p50.toFixed(1)} ms, p99 ${recorded.p99.toFixed(1)} ms; ` +
      backends,
  };
}
