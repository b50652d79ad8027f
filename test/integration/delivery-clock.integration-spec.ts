import { AlertType, RaiseAlertUseCase, Severity } from '@simpul/alert';
import { clockedProcessesOfThisFile } from '../support/clocked-processes';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * The worker stamps a delivery on the process clock that stamped the sending or the raise, so
 * under a moved test clock (SIMPUL_CLOCK_AT, README "Deadlines and escalation") a referral or an
 * alert is never delivered before it was sent — months before, as when deliveredAt read the
 * system clock.
 */
describe('delivery times under a moved clock', () => {
  const processes = clockedProcessesOfThisFile(60_000);
  const MOVED_TO = '2027-03-09T02:00:00.000Z'; // months ahead of the system clock

  it('delivers a referral and an alert no earlier than they were sent and raised', async () => {
    processes.setClocks(MOVED_TO);
    const { gateway, db } = processes;
    const { referral } = await openCaseAndSend(
      gateway,
      await demoActor(gateway, 'kbri.phnompenh'),
      'BP3MI-NTT',
    );
    const alert = await gateway
      .get(RaiseAlertUseCase)
      .execute(await demoActor(gateway, 'polda.ntt'), {
        type: AlertType.SUSPECTED_TRAFFICKING,
        severity: Severity.MEDIUM,
        summary: 'Penampungan calon PMI',
        regionCode: '53',
      });

    const referralDelivery = async () =>
      (
        await db.query<{ delivered_at: Date | null }[]>(
          'SELECT delivered_at FROM referral WHERE id = $1',
          [referral.id],
        )
      )[0].delivered_at;
    const alertDeliveries = () =>
      db.query<{ delivered_at: Date | null }[]>(
        'SELECT delivered_at FROM alert_delivery WHERE alert_id = $1',
        [alert.id],
      );
    await waitForCondition('the referral delivered', async () => !!(await referralDelivery()));
    await waitForCondition('every alert delivery', async () =>
      (await alertDeliveries()).every((row) => row.delivered_at),
    );

    const sentAt = referral.sentAt.getTime();
    expect(sentAt).toBeGreaterThanOrEqual(Date.parse(MOVED_TO));
    expect((await referralDelivery())!.getTime()).toBeGreaterThanOrEqual(sentAt);
    const deliveries = await alertDeliveries();
    expect(deliveries.length).toBeGreaterThanOrEqual(4); // the four NTT desks
    for (const { delivered_at } of deliveries) {
      expect(delivered_at!.getTime()).toBeGreaterThanOrEqual(alert.raisedAt.getTime());
    }
  }, 60_000);
});
