import { consoleSuite } from '../support/console-suite';
import {
  seriousAxeFindings,
  type ConsolePage,
  screenshot,
} from '../support/launch-console-browser';
import { findUnitIds, loginAs } from '../support/login-as';
import { waitForCondition } from '../support/wait-for-condition';
import { signInToConsole } from '../support/sign-in-to-console';

/**
 * Escalation in the console, as officers see it: a ROUTINE referral to BP3MI-NTT sent on
 * Tuesday 2 June 2026 (the day after Hari Lahir Pancasila) and left alone. The built gateway and
 * worker run on the test clock (SIMPUL_CLOCK_AT) and are started again on Monday 8 June, when the
 * acknowledge deadline (Thursday 4 June) has passed by three steps: the worker's sweep and timers
 * climb the referral to level 3, GT-NTT. Gugus Tugas NTT finds it in "Rujukan terlambat"; the
 * BP3MI supervisor sees "Terlambat" and "Eskalasi 3" in the inbox and on the referral, with the
 * time past the deadline counted on the hub's clock, not the browser's.
 */
describe('console: escalation and overdue referrals in Chromium', () => {
  let reference: string;
  let referralId: string;
  const suite = consoleSuite();
  const { step, open } = suite;

  const signIn = async (username: string): Promise<ConsolePage> => {
    const tab = await open();
    await signInToConsole(tab, suite.apps!.baseUrl, username);
    return tab;
  };
  const accessible = async ({ page }: ConsolePage) => {
    expect(await seriousAxeFindings(page)).toEqual([]);
  };
  const startAt = (instant: string) =>
    suite.start({
      env: {
        ...process.env,
        LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn',
        SIMPUL_CLOCK_AT: instant,
      },
    });

  beforeAll(async () => {
    let apps = await startAt('2026-06-02T10:00+08:00');
    const kbri = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    const units = await findUnitIds(kbri.client);
    const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(
      `mutation { openCase(input: { title: "Calon PMI non-prosedural", exploitationTypes: [FORCED_LABOUR], regionCode: "53" }) { id } }`,
    );
    const { sendReferral } = await kbri.client.data<{
      sendReferral: { id: string; reference: string; acknowledgeBy: string };
    }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id reference acknowledgeBy } }`,
      {
        input: {
          caseId: openCase.id,
          toUnitId: units.get('BP3MI-NTT'),
          services: ['REINTEGRATION'],
          priority: 'ROUTINE',
          summary: 'Mohon pendampingan reintegrasi',
        },
      },
    );
    ({ id: referralId, reference } = sendReferral);
    expect(sendReferral.acknowledgeBy.slice(0, 13)).toBe('2026-06-04T02');
    apps = await startAt('2026-06-08T11:00+08:00');
    const auditor = await loginAs(apps.graphqlUrl, 'auditor');
    await waitForCondition(
      'the referral to climb to level 3',
      async () => {
        const { referral } = await auditor.client.data<{ referral: { escalationLevel: number } }>(
          'query($id: ID!) { referral(id: $id) { escalationLevel } }',
          { id: referralId },
        );
        return referral.escalationLevel === 3;
      },
      60_000,
      500,
    );
  }, 240_000);

  step(
    'shows Gugus Tugas NTT the overdue referral of its province with its escalation level',
    async () => {
      const tab = await signIn('gugustugas.ntt');
      await tab.page.getByRole('link', { name: 'Rujukan terlambat' }).click();
      await tab.page.getByRole('heading', { level: 1, name: 'Rujukan terlambat' }).waitFor();
      const row = tab.page.locator(`[data-referral="${referralId}"]`);
      await row.waitFor({ timeout: 15_000 });
      await expect(row.textContent()).resolves.toContain(reference);
      await expect(row.textContent()).resolves.toContain('Eskalasi 3');
      await expect(row.textContent()).resolves.toContain('BP3MI Nusa Tenggara Timur');
      await expect(row.textContent()).resolves.toContain('Batas tanda terima');
      // GT-NTT is no party of the case: the number is not a link into it.
      expect(await row.getByRole('link', { name: reference }).count()).toBe(0);
      // Nothing failed: the button reads the list again, it does not say "try again".
      await tab.page.getByRole('button', { name: 'Muat ulang' }).click();
      expect(await tab.page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
      await row.waitFor();
      await accessible(tab);
      await screenshot(tab, '18-terlambat');
    },
  );

  step(
    'shows the receiving supervisor "Terlambat" and the level in the inbox and on the referral',
    async () => {
      const tab = await signIn('bp3mi.ntt.kepala');
      const row = tab.page.locator(`[data-referral="${referralId}"]`);
      await row.waitFor({ timeout: 15_000 });
      await expect(row.textContent()).resolves.toMatch(
        /Terlambat.*Eskalasi 3|Eskalasi 3.*Terlambat/,
      );
      await accessible(tab);
      await tab.page.getByRole('link', { name: 'Rujukan terlambat' }).click();
      await tab.page.getByRole('link', { name: reference }).click();
      await tab.page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
      await tab.page.getByText('Eskalasi 3').first().waitFor();
      // Time left is counted on the hub's clock (Monday 8 June, 11:00 WITA and a few minutes),
      // not the browser's (December): the acknowledge deadline, Thursday 4 June 10:00 WITA, is
      // four days and an hour past.
      await tab.page.getByText('(lewat 4 hari 1 jam)').first().waitFor();
      await accessible(tab);
    },
  );
});
