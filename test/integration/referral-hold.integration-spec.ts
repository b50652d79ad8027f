import { timerJobKey } from '@simpul/delivery';
import {
  AcknowledgeReferralUseCase,
  CancelReferralUseCase,
  FailReferralUseCase,
  HoldReferralUseCase,
  ReferralStatus,
  ResumeReferralUseCase,
} from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { clockedProcessesOfThisFile } from '../support/clocked-processes';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

interface ReferralRow {
  status: string;
  version: number;
  escalation_level: number;
  accept_by: Date;
  held_at: Date | null;
}

/**
 * ON_HOLD pauses the deadline clock (docs/architecture.md, "Deadlines"): a referral held before
 * acceptance stops its accept deadline, escalates nothing while held, and on resuming returns to
 * RECEIVED with the deadline moved by the business time held and its escalation timers armed for
 * the moved deadline. Driven by the processes' clocks around Christmas and New Year 2026/27 in
 * Kupang (WITA, UTC+8): Thu 24 Dec is cuti bersama, Fri 25 Christmas, Fri 1 Jan New Year.
 */
describe('holding a referral pauses its deadline clock', () => {
  const processes = clockedProcessesOfThisFile(120_000);
  const { setClocks, sweep } = processes;

  const rowOf = async (referralId: string): Promise<ReferralRow> => {
    const [row]: ReferralRow[] = await processes.db.query(
      'SELECT status, version, escalation_level, accept_by, held_at FROM referral WHERE id = $1',
      [referralId],
    );
    return row;
  };
  const escalations = (referralId: string): Promise<{ payload: Record<string, unknown> }[]> =>
    processes.db.query(
      `SELECT payload FROM ledger_entry
        WHERE referral_id = $1 AND action = 'REFERRAL_ESCALATED' ORDER BY id`,
      [referralId],
    );
  const armedTimers = async (referralId: string): Promise<string[]> => {
    const rows: { job_key: string }[] = await processes.db.query(
      `SELECT job_key FROM outbox WHERE job_name = 'fire-timer' AND payload->>'subjectId' = $1`,
      [referralId],
    );
    return rows.map((row) => row.job_key);
  };
  /** The clocks run on at real speed between steps: instants agree to within a second. */
  const expectNear = (actual: Date, expected: string) =>
    expect(Math.abs(actual.getTime() - new Date(expected).getTime())).toBeLessThan(1000);
  const acceptTimer = (referralId: string, dueAt: Date, step: 1 | 2 | 3) =>
    timerJobKey({
      subjectKind: 'referral',
      subjectId: referralId,
      deadline: 'acceptBy',
      dueAt,
      step,
    });

  /** A ROUTINE referral to BP3MI-NTT sent Tue 22 Dec 10:00 WITA, acknowledged the next morning. */
  const sendAndAcknowledge = async () => {
    setClocks('2026-12-22T02:00:00.000Z');
    const sender = await demoActor(processes.gateway, 'kbri.phnompenh');
    const { referral } = await openCaseAndSend(processes.gateway, sender, 'BP3MI-NTT', {
      priority: Priority.ROUTINE,
    });
    setClocks('2026-12-23T01:00:00.000Z');
    const desk = await demoActor(processes.gateway, 'bp3mi.ntt');
    await processes.gateway.get(AcknowledgeReferralUseCase).execute(desk, referral.id, 1);
    // 5 business days: Wed 23, Mon 28, Tue 29, Wed 30, Thu 31 December — at the sending time.
    expect(referral.acceptBy.toISOString().slice(0, 16)).toBe('2026-12-31T02:00');
    return { referral, sender, desk };
  };

  it('escalates nothing while held, and resumes to RECEIVED with acceptBy moved by the business days held', async () => {
    const { referral, desk } = await sendAndAcknowledge();
    const clockTime = referral.acceptBy.toISOString().slice(10); // 10:00 WITA, to the millisecond

    setClocks('2026-12-23T02:00:00.000Z'); // Wed 23 Dec 10:00 WITA: waiting for the passport copy
    await processes.gateway
      .get(HoldReferralUseCase)
      .execute(desk, referral.id, 'Menunggu salinan paspor', 2);
    expect(await rowOf(referral.id)).toMatchObject({ status: 'ON_HOLD', version: 3 });

    // Held past the accept deadline (Thu 31 Dec) and on to the morning it is resumed: nothing
    // escalates, the referral is not overdue.
    for (const at of ['2026-12-31T02:00:01.000Z', '2027-01-04T01:59:00.000Z']) {
      setClocks(at);
      await sweep();
      expect(await rowOf(referral.id)).toMatchObject({ status: 'ON_HOLD', escalation_level: 0 });
    }
    const [{ overdue }]: { overdue: boolean }[] = await processes.db.query(
      `SELECT EXISTS (SELECT 1 FROM referral WHERE id = $1
                        AND status IN ('REQUESTED', 'RECEIVED') AND accept_by <= now()) AS overdue`,
      [referral.id],
    );
    expect(overdue).toBe(false);

    // Resumed Mon 4 Jan 10:00 WITA. Business time held: Wed 23 Dec 14 h, Mon 28 – Thu 31 Dec
    // 4 × 24 h, Mon 4 Jan 10 h = 5 business days (24, 25 Dec, the weekends and 1 Jan do not
    // count). acceptBy Thu 31 Dec + 5 business days (Mon 4, then Wed 6 past Isra Mikraj on
    // Tue 5, Thu 7, Fri 8, Mon 11) = Mon 11 Jan 2027, 10:00 WITA.
    setClocks(`2027-01-04${clockTime}`);
    const resumed = await processes.gateway
      .get(ResumeReferralUseCase)
      .execute(desk, referral.id, 3);
    expect(resumed).toMatchObject({ status: ReferralStatus.RECEIVED, version: 4 });
    const row = await rowOf(referral.id);
    expect(row).toMatchObject({ status: 'RECEIVED', held_at: null, escalation_level: 0 });
    expectNear(row.accept_by, `2027-01-11${clockTime}`);
    const movedAcceptBy = row.accept_by;
    // Resuming armed the first step of the moved deadline in its own transaction.
    expect(await armedTimers(referral.id)).toContain(acceptTimer(referral.id, movedAcceptBy, 1));

    // Nothing is due yet: the accept deadline it was held past has moved.
    await sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(0);

    // The moved deadline escalates like any other: level 1 at Mon 11 Jan 10:00 WITA, not before.
    // Minutes before, not a second: the clocks run on while a sweep works through every other
    // referral and alert the run's files left waiting.
    setClocks(new Date(movedAcceptBy.getTime() - 10 * 60_000).toISOString());
    await sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(0);
    setClocks(new Date(movedAcceptBy.getTime() + 1000).toISOString());
    await sweep();
    await sweep();
    expect(await rowOf(referral.id)).toMatchObject({ escalation_level: 1, version: 4 });
    expect(await escalations(referral.id)).toEqual([
      {
        payload: expect.objectContaining({
          level: 1,
          deadline: 'ACCEPT',
          step: 1,
          dueAt: movedAcceptBy.toISOString(),
        }) as unknown,
      },
    ]);
  }, 120_000);

  it('does not fire again a step that fired before the hold; the next step moves with the deadline', async () => {
    const { referral, desk } = await sendAndAcknowledge();
    const clockTime = referral.acceptBy.toISOString().slice(10);

    setClocks('2026-12-31T02:00:01.000Z'); // the accept deadline passes: level 1
    await sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(1);

    setClocks('2026-12-31T03:00:00.000Z'); // Thu 31 Dec 11:00 WITA, an hour overdue
    await processes.gateway
      .get(HoldReferralUseCase)
      .execute(desk, referral.id, 'Menunggu dokumen', 2);
    // Resumed Wed 6 Jan 11:00 WITA: 13 h (Thu 31) + 24 h (Mon 4) + 11 h = 2 business days held
    // (1 Jan, the weekend and Isra Mikraj on Tue 5 do not count), so acceptBy moves to Wed 6 Jan
    // 10:00 — already an hour past, as when it was held — and its step 2 (150 %: 3 business days
    // later) to Mon 11 Jan.
    setClocks('2027-01-06T03:00:00.000Z');
    await processes.gateway.get(ResumeReferralUseCase).execute(desk, referral.id, 3);
    const movedAcceptBy = (await rowOf(referral.id)).accept_by;
    expectNear(movedAcceptBy, `2027-01-06${clockTime}`);
    expect(await armedTimers(referral.id)).toContain(acceptTimer(referral.id, movedAcceptBy, 2));
    expect(await armedTimers(referral.id)).not.toContain(
      acceptTimer(referral.id, movedAcceptBy, 1),
    );

    await sweep(); // step 1 of the moved deadline is past, but step 1 has fired
    expect((await rowOf(referral.id)).escalation_level).toBe(1);

    // Friday 8 January, a business day before step 2: nothing yet.
    setClocks(new Date(Date.parse(`2027-01-08${clockTime}`) + 2000).toISOString());
    await sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(1);
    setClocks(new Date(Date.parse(`2027-01-11${clockTime}`) + 2000).toISOString());
    await sweep();
    expect((await rowOf(referral.id)).escalation_level).toBe(2);
    expect((await escalations(referral.id)).map((entry) => entry.payload.step)).toEqual([1, 2]);
  }, 120_000);

  it('lets the sender withdraw a referral held before acceptance, but not fail it', async () => {
    const { referral, sender, desk } = await sendAndAcknowledge();
    setClocks('2026-12-23T02:00:00.000Z');
    await processes.gateway
      .get(HoldReferralUseCase)
      .execute(desk, referral.id, 'Menunggu dokumen', 2);
    await expect(
      processes.gateway.get(FailReferralUseCase).execute(desk, referral.id, 'Tidak bisa', 3),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    setClocks('2027-01-04T02:00:00.000Z');
    await processes.gateway
      .get(CancelReferralUseCase)
      .execute(sender, referral.id, 'Ditangani pihak lain', 3);
    // Cancelled while held: the deadline first moves by the time held (5 business days), so the
    // paused clock does not count as a missed deadline.
    const row = await rowOf(referral.id);
    expect(row).toMatchObject({ status: 'CANCELLED', held_at: null });
    expectNear(row.accept_by, `2027-01-11${referral.acceptBy.toISOString().slice(10)}`);
  }, 120_000);
});
