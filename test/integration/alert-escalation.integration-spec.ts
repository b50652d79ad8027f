import { AcknowledgeAlertUseCase, AlertType, RaiseAlertUseCase, Severity } from '@simpul/alert';
import { timerJobKey } from '@simpul/delivery';
import { clockedProcessesOfThisFile } from '../support/clocked-processes';
import { demoActor } from '../support/referral-fixtures';

interface EscalatedEntry {
  to_code: string;
  from_code: string;
  actor_id: string | null;
  payload: { level: number; step: number; percentOfWindow: number; reference: string };
}

/**
 * An alert nobody acknowledges climbs the referral ladder (docs/adr/0011-escalation-ladder.md) at
 * 100 %, 150 % and 200 % of its acknowledge window, driven by the processes' clocks. The periodic
 * sweep is slowed to an hour: every sweep here is one the test asks for, and each is the rebuild
 * from PostgreSQL a worker does after losing Redis.
 */
describe('alert escalation', () => {
  const processes = clockedProcessesOfThisFile(60_000);
  const { setClocks } = processes;
  const at = (start: string, minutes: number) =>
    new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
  const sweep = () => processes.sweep();

  const levelOf = async (alertId: string) => {
    const [row]: { escalation_level: number }[] = await processes.db.query(
      'SELECT escalation_level FROM alert WHERE id = $1',
      [alertId],
    );
    return row.escalation_level;
  };
  const escalated = (alertId: string): Promise<EscalatedEntry[]> =>
    processes.db.query(
      `SELECT t.code AS to_code, f.code AS from_code, e.actor_id, e.payload FROM ledger_entry e
         JOIN unit t ON t.id = e.to_unit_id JOIN unit f ON f.id = e.from_unit_id
        WHERE e.alert_id = $1 AND e.action = 'ALERT_ESCALATED' ORDER BY e.id`,
      [alertId],
    );
  const reachedAtLevel = async (alertId: string, level: number) =>
    (await escalated(alertId))
      .filter((entry) => entry.payload.level === level)
      .map((entry) => entry.to_code)
      .sort();
  const armedSteps = async (alertId: string) => {
    const rows: { job_key: string }[] = await processes.db.query(
      `SELECT job_key FROM outbox WHERE job_name = 'fire-timer' AND payload->>'subjectId' = $1`,
      [alertId],
    );
    return rows.map((row) => row.job_key);
  };

  const raise = async (raisedAt: string) => {
    setClocks(raisedAt);
    const police = await demoActor(processes.gateway, 'polda.ntt');
    return processes.gateway.get(RaiseAlertUseCase).execute(police, {
      type: AlertType.SUSPECTED_TRAFFICKING,
      severity: Severity.CRITICAL,
      summary: 'Kapal berangkat malam ini',
      regionCode: '53',
    });
  };

  it('climbs a CRITICAL alert nobody acknowledges to the desks, their head units and GT-NTT at 15, 22.5 and 30 minutes', async () => {
    const start = '2026-12-02T12:00:00.000Z';
    const alert = await raise(start);
    const raisedAt = alert.raisedAt;
    const dueAt = new Date(raisedAt.getTime() + 15 * 60_000);
    const timerKey = (step: number) =>
      timerJobKey({
        subjectKind: 'alert',
        subjectId: alert.id,
        deadline: 'acknowledgeBy',
        dueAt,
        step,
      });
    expect(await armedSteps(alert.id)).toEqual([timerKey(1)]);

    // [minutes after raising, level, units reached at that level]
    const ladder: [number, number, string[]][] = [
      [15, 1, ['BP3MI-NTT', 'GT-NTT', 'POLDA-NTT', 'UPTDPPA-NTT']], // their supervisors
      // Head units: Bareskrim for Polda, KP2MI-PUSAT for BP3MI; the provincial government and
      // the provincial task force have none, so their ladder reaches GT-NTT already.
      [22.5, 2, ['GT-NTT', 'KP2MI-PUSAT', 'POLRI-PPAPPO']],
      [30, 3, ['GT-NTT']], // every NTT desk's province: its Gugus Tugas
    ];
    for (const [minutes, level, reached] of ladder) {
      // A minute before, not a second: the clocks run on while a sweep works through every
      // other alert and referral the run's files left waiting.
      setClocks(at(raisedAt.toISOString(), minutes - 1));
      await sweep();
      expect(await levelOf(alert.id)).toBe(level - 1);
      setClocks(at(raisedAt.toISOString(), minutes + 0.05));
      await sweep();
      await sweep(); // fired once: the level is the record of the steps fired
      expect(await levelOf(alert.id)).toBe(level);
      expect(await reachedAtLevel(alert.id, level)).toEqual(reached);
      // Each step armed the next, with its deterministic key.
      if (level < 3) expect(await armedSteps(alert.id)).toContain(timerKey(level + 1));
    }
    const entries = await escalated(alert.id);
    expect(entries).toHaveLength(8);
    expect(
      entries.every((entry) => entry.actor_id === null && entry.from_code === 'POLDA-NTT'),
    ).toBe(true);
    expect(entries.map((entry) => entry.payload.percentOfWindow)).toEqual([
      100, 100, 100, 100, 150, 150, 150, 200,
    ]);
    expect(entries[0].payload.reference).toBe(alert.reference);

    // The top of the ladder: nothing further, however long it stays unacknowledged.
    setClocks(at(raisedAt.toISOString(), 24 * 60));
    await sweep();
    expect(await levelOf(alert.id)).toBe(3);
    expect(await escalated(alert.id)).toHaveLength(8);
    expect(await armedSteps(alert.id)).toHaveLength(3);
  }, 120_000);

  it('stops climbing once one receiving unit acknowledges', async () => {
    const alert = await raise('2026-12-02T14:00:00.000Z');
    setClocks(at(alert.raisedAt.toISOString(), 16));
    await sweep();
    expect(await levelOf(alert.id)).toBe(1);

    const desk = await demoActor(processes.gateway, 'bp3mi.ntt');
    await processes.gateway.get(AcknowledgeAlertUseCase).execute(desk, alert.id);
    setClocks(at(alert.raisedAt.toISOString(), 31));
    await sweep();
    await sweep();
    expect(await levelOf(alert.id)).toBe(1);
    expect(await escalated(alert.id)).toHaveLength(4);
  }, 120_000);
});
