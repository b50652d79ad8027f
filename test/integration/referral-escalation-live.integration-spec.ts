import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Priority } from '@simpul/sla';
import { startClockedProcesses, type ClockedProcesses } from '../support/clocked-processes';
import { loginAs } from '../support/login-as';
import { waitForCondition } from '../support/wait-for-condition';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';

interface Event {
  seq: string;
  action: string;
  note: string | null;
  actor: { username: string } | null;
  fromUnit: { code: string } | null;
  toUnit: { code: string } | null;
  referral: { id: string } | null;
}

const OVERDUE = `query { overdue(first: 100) { edges { node { reference escalationLevel
  toUnit { code } referral { id } } } } }`;

/**
 * A unit a waiting referral climbs to is told live (docs/access-model.md, "Overdue referrals and
 * escalation"): GT-NTT, no party of the case, receives the REFERRAL_ESCALATED entry addressed to
 * it over `unitEvents` — redacted, without the referral — and finds the referral in `overdue`.
 * Driven by the processes' clocks up the real ladder (ROUTINE, BP3MI-NTT, Christmas 2026).
 */
describe('an escalation reaches the escalated-to unit live', () => {
  let processes: ClockedProcesses;
  let gateway: NestFastifyApplication;
  let url: string;
  const streams: UnitEventStream<Event>[] = [];

  beforeAll(async () => {
    processes = await startClockedProcesses();
    ({ gateway } = processes);
    await gateway.listen(0, '127.0.0.1');
    url = `${(await gateway.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await processes?.stop();
  });

  it('sends GT-NTT’s officer the REFERRAL_ESCALATED entry that reached GT-NTT, and lists the referral in its overdue', async () => {
    // Tuesday 22 December 2026, 10:00 WITA in Kupang; level 3 (GT-NTT) is 4 business days on:
    // Wed 30 December (Thu 24 cuti bersama, Fri 25 Christmas, the weekend).
    processes.setClocks('2026-12-22T02:00:00.000Z');
    const taskForce = await loginAs(url, 'gugustugas.ntt');
    const websocketUrl = url.replace(/^http/, 'ws');
    const stream = subscribeToUnitEvents<Event>(
      websocketUrl,
      taskForce.token,
      'seq action note actor { username } fromUnit { code } toUnit { code } referral { id }',
    );
    streams.push(stream);
    await waitForHandoffSubscribers(processes.redis.url, process.env.REDIS_PREFIX as string);

    const sender = await demoActor(gateway, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    const DAY = 86_400_000;
    for (const days of [6, 7, 8]) {
      processes.setClocks(new Date(referral.sentAt.getTime() + days * DAY + 1000).toISOString());
      await processes.sweep();
    }

    // Other files' referrals climb in the same sweeps: this referral's entries are told by seq.
    let climbed: { seq: string | null; code: string }[] = [];
    await waitForCondition('the three escalations sealed', async () => {
      climbed = await processes.db.query(
        `SELECT e.seq::text AS seq, u.code FROM ledger_entry e JOIN unit u ON u.id = e.to_unit_id
          WHERE e.referral_id = $1 AND e.action = 'REFERRAL_ESCALATED' ORDER BY e.id`,
        [referral.id],
      );
      return climbed.length === 3 && climbed.every((entry) => entry.seq !== null);
    });
    expect(climbed.map((entry) => entry.code)).toEqual(['BP3MI-NTT', 'KP2MI-PUSAT', 'GT-NTT']);
    const reached = await stream.waitFor((e) => e.seq === climbed[2].seq);
    // What GT-NTT may know of a referral of a case it is no party of: that it climbed to it.
    expect(reached).toEqual({
      seq: climbed[2].seq,
      action: 'REFERRAL_ESCALATED',
      note: null,
      actor: null,
      fromUnit: { code: 'BP3MI-NTT' },
      toUnit: { code: 'GT-NTT' },
      referral: null,
    });
    // The levels that reached others (BP3MI-NTT's supervisors, KP2MI-PUSAT), sealed and
    // published before it, are not its own.
    const earlier = new Set([climbed[0].seq, climbed[1].seq]);
    expect(stream.events.filter((e) => earlier.has(e.seq))).toEqual([]);

    const { overdue } = await taskForce.client.data<{
      overdue: {
        edges: {
          node: {
            reference: string;
            escalationLevel: number;
            toUnit: { code: string };
            referral: unknown;
          };
        }[];
      };
    }>(OVERDUE);
    expect(overdue.edges.map((edge) => edge.node)).toContainEqual({
      reference: referral.reference,
      escalationLevel: 3,
      toUnit: { code: 'BP3MI-NTT' },
      referral: null,
    });
  }, 90_000);
});
