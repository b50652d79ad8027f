import { timerJobKey } from '@simpul/delivery';
import { AcknowledgeReferralUseCase } from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { CLOCKED_SWEEP_MS, clockedProcessesOfThisFile } from '../support/clocked-processes';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { waitForCondition } from '../support/wait-for-condition';

interface EscalationEntry {
  to_code: string | null;
  actor_id: string | null;
  payload: { level: number; deadline: string; step: number; reference: string };
}

/**
 * Escalation of referrals on the business-day calendar, driven by the processes' clocks: no test
 * waits for real hours. Gateway and worker run in this process on a Redis of the test's own; the
 * periodic timer sweep is slowed to an hour, so every sweep here is one the test asks for.
 */
describe('referral escalation', () => {
  const processes = clockedProcessesOfThisFile(60_000);
  const { setClocks, sweep } = processes;
  const shifted = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

  const stateOf = async (referralId: string) => {
    const [row]: { escalation_level: number; version: number }[] = await processes.db.query(
      'SELECT escalation_level, version FROM referral WHERE id = $1',
      [referralId],
    );
    return { level: row.escalation_level, version: row.version };
  };
  const escalations = (referralId: string): Promise<EscalationEntry[]> =>
    processes.db.query(
      `SELECT u.code AS to_code, e.actor_id, e.payload FROM ledger_entry e
         LEFT JOIN unit u ON u.id = e.to_unit_id
        WHERE e.referral_id = $1 AND e.action = 'REFERRAL_ESCALATED' ORDER BY e.id`,
      [referralId],
    );

  it('climbs a ROUTINE referral left alone in NTT to its supervisors, KP2MI, GT-NTT and GT-PUSAT on business days around Christmas 2026', async () => {
    // Tuesday 22 December 2026, 10:00 WITA in Kupang. Thu 24 Dec is cuti bersama, Fri 25 Christmas.
    setClocks('2026-12-22T02:00:00.000Z');
    const sender = await demoActor(processes.gateway, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    // 2 business days: Wed 23, Mon 28; 5: Wed 23, Mon 28, Tue 29, Wed 30, Thu 31 — at 10:00 WITA.
    // (The clock runs on while the case is opened: same clock time as sending, to the millisecond.)
    const DAY = 86_400_000;
    const sentAt = referral.sentAt.getTime();
    expect(referral.sentAt.toISOString().slice(0, 16)).toBe('2026-12-22T02:00');
    expect(referral.acknowledgeBy.getTime()).toBe(sentAt + 6 * DAY); // Mon 28 December
    expect(referral.acceptBy.getTime()).toBe(sentAt + 9 * DAY); // Thu 31 December

    // Sending arms no timer: the sweep arms the first one when the deadline comes within its
    // horizon (three sweep intervals), as one outbox row with the timer's deterministic key.
    const armed = (): Promise<{ job_key: string; queue: string }[]> =>
      processes.db.query(
        `SELECT job_key, queue FROM outbox WHERE job_name = 'fire-timer' AND payload->>'subjectId' = $1`,
        [referral.id],
      );
    await sweep();
    expect(await armed()).toEqual([]);
    setClocks(shifted(referral.acknowledgeBy.toISOString(), -2 * CLOCKED_SWEEP_MS));
    await sweep();
    expect(await armed()).toEqual([
      {
        job_key: timerJobKey({
          subjectKind: 'referral',
          subjectId: referral.id,
          deadline: 'acknowledgeBy',
          dueAt: referral.acknowledgeBy,
          step: 1,
        }),
        queue: 'timers',
      },
    ]);

    // 100% and 150% and 200% of the acknowledge window (2, 3 and 4 business days), then the
    // missed accept deadline: one level each, never a status change.
    const ladder: [number, number, string, string][] = [
      [6, 1, 'BP3MI-NTT', 'ACKNOWLEDGE'], // Mon 28 December 10:00 WITA
      [7, 2, 'KP2MI-PUSAT', 'ACKNOWLEDGE'], // Tue 29
      [8, 3, 'GT-NTT', 'ACKNOWLEDGE'], // Wed 30
      [9, 4, 'GT-PUSAT', 'ACCEPT'], // Thu 31
    ];
    for (const [days, level, targetCode, deadline] of ladder) {
      const at = new Date(sentAt + days * DAY).toISOString();
      setClocks(shifted(at, -1000));
      await sweep();
      expect(await stateOf(referral.id)).toEqual({ level: level - 1, version: 1 });
      setClocks(shifted(at, 1000));
      await sweep();
      await sweep(); // a second sweep finds the step recorded: nothing twice
      expect(await stateOf(referral.id)).toEqual({ level, version: 1 });
      const entries = await escalations(referral.id);
      expect(entries).toHaveLength(level);
      expect(entries.at(-1)).toMatchObject({
        to_code: targetCode,
        actor_id: null,
        payload: { level, deadline, reference: referral.reference },
      });
    }

    // The accept deadline's later steps (Thu 7 and Mon 11 January 2027, after New Year’s Day and
    // Isra Mikraj on Tue 5 January)
    // find the referral at the top of the ladder: recorded, no further entry.
    setClocks('2027-01-15T02:00:00.000Z');
    await sweep();
    await sweep();
    expect(await stateOf(referral.id)).toEqual({ level: 4, version: 1 });
    expect(await escalations(referral.id)).toHaveLength(4);
    const [{ steps }]: { steps: number }[] = await processes.db.query(
      'SELECT count(*)::int AS steps FROM referral_escalation WHERE referral_id = $1',
      [referral.id],
    );
    expect(steps).toBe(6);
  }, 60_000);

  it('ignores the steps of a deadline that was met: acknowledged in time, only the accept deadline escalates', async () => {
    setClocks('2026-12-22T02:00:00.000Z');
    const sender = await demoActor(processes.gateway, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    setClocks('2026-12-23T01:00:00.000Z');
    const desk = await demoActor(processes.gateway, 'bp3mi.ntt');
    await processes.gateway.get(AcknowledgeReferralUseCase).execute(desk, referral.id, 1);

    setClocks('2026-12-30T03:00:00.000Z'); // every acknowledge step has passed
    await sweep();
    expect(await stateOf(referral.id)).toEqual({ level: 0, version: 2 });

    setClocks('2026-12-31T02:00:01.000Z'); // the accept deadline
    await sweep();
    expect(await stateOf(referral.id)).toEqual({ level: 1, version: 2 });
    expect(await escalations(referral.id)).toEqual([
      expect.objectContaining({
        to_code: 'BP3MI-NTT',
        payload: expect.objectContaining({ level: 1, deadline: 'ACCEPT', step: 1 }) as unknown,
      }),
    ]);
  }, 60_000);

  it('escalates every other referral when one row has a deadline before its sending (written around the app)', async () => {
    setClocks('2026-12-22T02:00:00.000Z');
    const sender = await demoActor(processes.gateway, 'kbri.phnompenh');
    const { referral: broken } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    const { referral: healthy } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    await processes.db.query(
      "UPDATE referral SET acknowledge_by = sent_at - interval '3 hours' WHERE id = $1",
      [broken.id],
    );
    setClocks('2026-12-28T02:00:01.000Z'); // past the healthy one's acknowledge deadline
    await sweep();
    expect((await stateOf(healthy.id)).level).toBe(1);
    expect((await stateOf(broken.id)).level).toBe(0);
  }, 60_000);

  /** An EMERGENCY referral (acknowledge within 2 h: steps at 2, 3 and 4 h) sent at `sentAt`. */
  const sendEmergency = async (sentAt: string) => {
    setClocks(sentAt);
    const sender = await demoActor(processes.gateway, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.EMERGENCY,
    });
    // Short of the 150% step: the sweep fires step 1, which arms step 2 about 9 s out — room
    // for a busy machine to kill Redis before that job runs.
    setClocks(shifted(sentAt, 3 * 3_600_000 - 8000));
    await sweep();
    expect((await stateOf(referral.id)).level).toBe(1);
    const stepTwo = timerJobKey({
      subjectKind: 'referral',
      subjectId: referral.id,
      deadline: 'acknowledgeBy',
      dueAt: referral.acknowledgeBy,
      step: 2,
    });
    return { referral, stepTwo };
  };

  it('fires a step through its delayed BullMQ job, without the sweep', async () => {
    const { referral } = await sendEmergency('2026-12-22T02:00:00.000Z');
    await waitForCondition(
      'step 2 fired by its BullMQ job',
      async () => (await stateOf(referral.id)).level === 2,
      30_000,
      200,
    );
    expect((await escalations(referral.id)).map((entry) => entry.payload.level)).toEqual([1, 2]);
  }, 60_000);

  it('fires a step whose delayed job Redis lost: the outbox hands it to BullMQ again', async () => {
    const { referral, stepTwo } = await sendEmergency('2026-12-23T02:00:00.000Z');
    await waitForCondition('step 2 handed to BullMQ', async () => {
      const rows: unknown[] = await processes.db.query(
        'SELECT 1 FROM outbox WHERE job_key = $1 AND dispatched_at IS NOT NULL',
        [stepTwo],
      );
      return rows.length === 1;
    });
    await processes.redis.kill();
    await processes.redis.restart(); // empty: the delayed job is gone
    await waitForCondition(
      'step 2 fired after Redis lost its job',
      async () => (await stateOf(referral.id)).level === 2,
      30_000,
      200,
    );
    const [{ dispatches }]: { dispatches: number }[] = await processes.db.query(
      'SELECT dispatch_count AS dispatches FROM outbox WHERE job_key = $1',
      [stepTwo],
    );
    expect(dispatches).toBeGreaterThanOrEqual(2);
    expect((await escalations(referral.id)).map((entry) => entry.payload.level)).toEqual([1, 2]);
  }, 60_000);
});
