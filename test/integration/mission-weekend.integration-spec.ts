import {
  AcknowledgeReferralUseCase,
  HoldReferralUseCase,
  ResumeReferralUseCase,
} from '@simpul/referral';
import { computeSla, Priority, slaStateSql, type SlaReferral } from '@simpul/sla';
import { actorFor, dataSourceOf } from '../support/boot-in-process';
import { clockedProcessesOfThisFile } from '../support/clocked-processes';
import { createTestOfficer } from '../support/create-test-officer';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

/**
 * A mission works its host country's week (libs/sla/src/weekends): KBRI Riyadh rests on Friday
 * and Saturday and works Sunday. Its deadlines, escalation steps, held time and SLA state all
 * count on that week — through the send, the sweep, hold and resume, and the SQL twin of
 * computeSla the queues filter by. Riyadh is UTC+3 all year: 10:00 there is 07:00Z.
 */
describe('a mission abroad counts business days on its own weekend', () => {
  const processes = clockedProcessesOfThisFile(120_000);

  const rowOf = async (id: string): Promise<SlaReferral & { escalation_level: number }> => {
    const [row]: Record<string, never>[] = await processes.db.query(
      `SELECT status, sent_at, acknowledge_by, accept_by, acknowledged_at, accepted_at, closed_at,
              escalation_level FROM referral WHERE id = $1`,
      [id],
    );
    return {
      status: row.status,
      sentAt: row.sent_at,
      acknowledgeBy: row.acknowledge_by,
      acceptBy: row.accept_by,
      acknowledgedAt: row.acknowledged_at,
      acceptedAt: row.accepted_at,
      closedAt: row.closed_at,
      escalation_level: row.escalation_level,
    };
  };
  const slaInSql = async (id: string, now: string): Promise<string> => {
    const [{ sla }]: { sla: string }[] = await processes.db.query(
      `SELECT ${slaStateSql('r', '$2::timestamptz')} AS sla FROM referral r WHERE r.id = $1`,
      [id, now],
    );
    return sla;
  };
  const minute = (date: Date) => date.toISOString().slice(0, 16);

  it('sets a ROUTINE referral sent on Wednesday to be acknowledged on Sunday, not Friday', async () => {
    processes.setClocks('2026-12-09T07:00:00.000Z'); // Wed 9 Dec, 10:00 in Riyadh
    const sender = await demoActor(processes.gateway, 'kemlu.pwni');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'KBRI-RIYADH', {
      priority: Priority.ROUTINE,
    });
    // 2 business days: Thursday, Sunday. 5: Thu, Sun, Mon, Tue, Wed.
    expect(minute(referral.acknowledgeBy)).toBe('2026-12-13T07:00');
    expect(minute(referral.acceptBy)).toBe('2026-12-16T07:00');

    // Its SLA state, in SQL and in TypeScript alike: on track on the Friday a Saturday–Sunday
    // desk would have been due, at risk from 75 % of the window (Saturday 10:00), breached after
    // Sunday 10:00.
    const row = await rowOf(referral.id);
    const clockTime = referral.sentAt.toISOString().slice(10);
    for (const [now, expected] of [
      [`2026-12-11${clockTime}`, 'ON_TRACK'],
      [`2026-12-12${clockTime}`, 'AT_RISK'],
      [new Date(row.acknowledgeBy.getTime() + 1).toISOString(), 'BREACHED'],
    ] as const) {
      expect(computeSla(row, new Date(now))).toBe(expected);
      expect(await slaInSql(referral.id, now)).toBe(expected);
    }

    // The sweep escalates on the mission's business days: nothing on Friday or Saturday, level 1
    // once Sunday's deadline has passed, level 2 on Monday (the second step is one business day
    // later), not on the Saturday a Saturday–Sunday calendar would have put it at.
    for (const at of ['2026-12-11T08:00:00.000Z', '2026-12-12T09:00:00.000Z']) {
      processes.setClocks(at);
      await processes.sweep();
      expect((await rowOf(referral.id)).escalation_level).toBe(0);
    }
    processes.setClocks(new Date(row.acknowledgeBy.getTime() + 1000).toISOString());
    await processes.sweep();
    await processes.sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(1);
    processes.setClocks('2026-12-14T06:50:00.000Z');
    await processes.sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(1);
    processes.setClocks('2026-12-14T07:00:05.000Z');
    await processes.sweep();
    await processes.sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(2);
  }, 60_000);

  it('counts a hold from Thursday to Sunday as one business day when resuming', async () => {
    processes.setClocks('2026-12-21T07:00:00.000Z'); // Mon 21 Dec, 10:00 in Riyadh
    const sender = await demoActor(processes.gateway, 'kemlu.pwni');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'KBRI-RIYADH', {
      priority: Priority.URGENT,
    });
    // 3 business days: Tue 22, Wed 23, Sun 27 (Thu 24 cuti bersama, Fri 25 Christmas, Sat 26).
    expect(minute(referral.acceptBy)).toBe('2026-12-27T07:00');
    const officer = await createTestOfficer(processes.gateway, 'KBRI-RIYADH');
    const desk = await actorFor(dataSourceOf(processes.gateway), officer.username);
    processes.setClocks('2026-12-21T08:00:00.000Z');
    await processes.gateway.get(AcknowledgeReferralUseCase).execute(desk, referral.id, 1);
    processes.setClocks('2026-12-23T07:00:00.000Z'); // Wed 23, 10:00
    await processes.gateway
      .get(HoldReferralUseCase)
      .execute(desk, referral.id, 'Menunggu dokumen', 2);
    // Resumed Sun 27 10:00: Wed 14 h + Sun 10 h = 24 business hours held (Thursday to Saturday
    // count for nothing), so acceptBy moves one business day: Mon 28 Dec, 10:00.
    processes.setClocks('2026-12-27T07:00:00.000Z');
    await processes.gateway.get(ResumeReferralUseCase).execute(desk, referral.id, 3);
    const row = await rowOf(referral.id);
    expect(Math.abs(row.acceptBy.getTime() - Date.parse('2026-12-28T07:00:00.000Z'))).toBeLessThan(
      1000,
    );
  }, 60_000);
});
