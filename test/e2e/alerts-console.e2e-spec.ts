import type { Locator, Page } from 'playwright-core';
import { consoleSuite } from '../support/console-suite';
import {
  seriousAxeFindings,
  type ConsolePage,
  screenshot,
} from '../support/launch-console-browser';
import { loginAs, type Session } from '../support/login-as';
import { signInToConsole } from '../support/sign-in-to-console';

/**
 * Issue 9's "done when", in the console: a Polda NTT investigator raises a SUSPECTED_TRAFFICKING
 * alert in NTT from the raise-alert form (which shows the receiving units before it is sent), and
 * the four NTT desks — Polda NTT, BP3MI NTT, UPTD PPA NTT and the Gugus Tugas NTT — see it arrive
 * live in their alerts feed, unacknowledged first, and acknowledge it; the Gugus Tugas then opens
 * a case from it, and BP3MI dismisses another with a coded reason. A desk the alert did not reach
 * never sees it. axe-core checks each screen; any CSP violation or script error fails the test.
 */

const DESKS = {
  'POLDA-NTT': 'polda.ntt',
  'BP3MI-NTT': 'bp3mi.ntt',
  'UPTDPPA-NTT': 'uptdppa.ntt',
  'GT-NTT': 'gugustugas.ntt',
} as const;
const SUMMARY = 'Sembilan calon PMI ditampung tanpa dokumen di sebuah rumah di Oesapa';
const ALERT_STATE = `query($id: ID!) { alert(id: $id) { status case { leadUnit { code } }
  deliveries { unit { code } delivery acknowledgedAt acknowledgedBy { username } } } }`;

/** Waits for the screen whose title is exactly `text` ("Peringatan" is not "Peringatan baru"). */
async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page
    .getByRole('heading', { level: 1, name: text, exact: true })
    .waitFor({ timeout: 15_000 });
}

const card = (scope: Page | Locator, reference: string): Locator =>
  scope.getByRole('article', { name: reference });

describe('console: alerts reach the NTT desks live and each acknowledges', () => {
  let police: Session;
  const desks = new Map<string, ConsolePage>();
  let reference = '';
  let alertId = '';
  const suite = consoleSuite();
  const { step, open } = suite;

  const accessible = async ({ page }: ConsolePage) => {
    expect(await seriousAxeFindings(page)).toEqual([]);
  };

  beforeAll(async () => {
    const apps = await suite.start();
    police = await loginAs(apps.graphqlUrl, 'polda.ntt');
  }, 120_000);

  step('the four NTT desks and a desk elsewhere open their alerts feed', async () => {
    for (const [code, username] of [...Object.entries(DESKS), ['LPSK-PUSAT', 'lpsk']]) {
      const tab = await open();
      desks.set(code, tab);
      await signInToConsole(tab, suite.apps!.baseUrl, username);
      await tab.page.getByRole('link', { name: 'Peringatan', exact: true }).click();
      await heading(tab.page, 'Peringatan');
    }
    await accessible(desks.get('BP3MI-NTT')!);
  });

  step('the investigator sees who will receive the alert, then raises it', async () => {
    const { page } = desks.get('POLDA-NTT')!;
    await page.getByRole('link', { name: 'Peringatan baru' }).first().click();
    await heading(page, 'Peringatan baru');
    await page.getByLabel('Jenis peringatan').selectOption('SUSPECTED_TRAFFICKING');
    await page.getByLabel('Tingkat').selectOption('HIGH');
    await page.getByLabel('Provinsi').selectOption('53');
    await page.getByRole('checkbox', { name: 'Kerja paksa' }).check();
    await page.getByLabel(/^Ringkasan/).fill(SUMMARY);
    const preview = page.getByRole('region', { name: /Akan diterima oleh/ });
    await preview.getByText('(4)').waitFor({ timeout: 15_000 });
    for (const code of Object.keys(DESKS)) await preview.getByText(`(${code})`).waitFor();
    await accessible(desks.get('POLDA-NTT')!);
    await screenshot(desks.get('POLDA-NTT')!, '21-peringatan-baru');
    await page.getByRole('button', { name: 'Kirim peringatan' }).click();
    await heading(page, 'Peringatan');
    const { alerts } = await police.client.data<{
      alerts: { edges: { node: { id: string; reference: string; summary: string } }[] };
    }>('query { alerts(first: 5) { edges { node { id reference summary } } } }');
    const raised = alerts.edges.find((e) => e.node.summary === SUMMARY)!.node;
    reference = raised.reference;
    alertId = raised.id;
  });

  step(
    'each NTT desk sees it live, waiting for its acknowledgement, and acknowledges',
    async () => {
      for (const code of Object.keys(DESKS)) {
        const { page } = desks.get(code)!;
        // No reload: the feed follows the unit's live events.
        const waiting = page.getByRole('region', { name: /Menunggu tanda terima Anda/ });
        await card(waiting, reference).waitFor({ timeout: 20_000 });
        await card(page, reference).getByText(SUMMARY).waitFor();
        // The feed is paged by the server in URGENT_FIRST order, and says how much it shows.
        await page.getByText(/Menampilkan \d+ dari \d+ peringatan/).waitFor();
        if (code === 'GT-NTT') await screenshot(desks.get(code)!, '22-peringatan');
        await page.getByRole('button', { name: `Beri tanda terima ${reference}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `${reference}: tanda terima tercatat` })
          .waitFor();
        await page
          .getByRole('region', { name: /Peringatan lain/ })
          .getByRole('article', { name: reference })
          .waitFor();
      }
      await accessible(desks.get('GT-NTT')!);
      const { alert } = await police.client.data<{
        alert: {
          status: string;
          deliveries: {
            unit: { code: string };
            delivery: string;
            acknowledgedAt: string | null;
            acknowledgedBy: { username: string } | null;
          }[];
        };
      }>(ALERT_STATE, { id: alertId });
      expect(alert.status).toBe('ACKNOWLEDGED');
      expect(
        alert.deliveries.map((d) => [d.unit.code, d.delivery, d.acknowledgedBy?.username]).sort(),
      ).toEqual(
        Object.entries(DESKS)
          .map(([code, username]) => [code, 'DELIVERED', username])
          .sort(),
      );
      // A desk elsewhere never saw it.
      const elsewhere = desks.get('LPSK-PUSAT')!.page;
      expect(await card(elsewhere, reference).count()).toBe(0);
    },
  );

  step('the Gugus Tugas opens a case from the alert', async () => {
    const { page } = desks.get('GT-NTT')!;
    await page.getByRole('button', { name: `Jadikan kasus ${reference}` }).click();
    await page.getByLabel('Judul kasus baru').fill('Dugaan TPPO di Oesapa');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${reference}: kasus baru dibuka` })
      .waitFor();
    await card(page, reference)
      .getByRole('link', { name: /^Kasus TPPO-/ })
      .waitFor();
    const { alert } = await police.client.data<{
      alert: { case: { leadUnit: { code: string } } | null };
    }>(ALERT_STATE, { id: alertId });
    // The police see that a case exists only if their unit is a party: the Gugus Tugas leads it.
    expect(alert.case).toBeNull();
  });

  step(
    'the Gugus Tugas, a party of that case, raises an alert linked to it from the case page',
    async () => {
      const { page } = desks.get('GT-NTT')!;
      await card(page, reference)
        .getByRole('link', { name: /^Kasus TPPO-/ })
        .click();
      await page.getByRole('link', { name: 'Keluarkan peringatan terkait kasus ini' }).click();
      await page.getByText('Peringatan ini dikaitkan dengan kasus yang Anda buka.').waitFor();
      await page.getByLabel('Ringkasan').fill('Korban kedua dari rumah yang sama');
      await page.getByRole('button', { name: 'Kirim peringatan' }).click();
      // Back in its feed, the new alert carries the link to the case it was raised from.
      await page
        .getByRole('article')
        .filter({ hasText: 'Korban kedua dari rumah yang sama' })
        .getByRole('link', { name: /^Kasus TPPO-/ })
        .waitFor({ timeout: 20_000 });
    },
  );

  step('BP3MI dismisses another alert with a coded reason and a note', async () => {
    const { raiseAlert } = await police.client.data<{
      raiseAlert: { id: string; reference: string };
    }>(
      `mutation { raiseAlert(input: { type: SUSPECTED_TRAFFICKING, severity: MEDIUM, regionCode: "53",
        summary: "Laporan kedua tentang rumah yang sama" }) { id reference } }`,
    );
    const { page } = desks.get('BP3MI-NTT')!;
    await card(page, raiseAlert.reference).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: `Abaikan ${raiseAlert.reference}` }).click();
    await page.getByLabel('Alasan').selectOption('DUPLICATE');
    await page.getByLabel('Catatan').fill(`Sama dengan ${reference}`);
    await accessible(desks.get('BP3MI-NTT')!);
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${raiseAlert.reference}: diabaikan` })
      .waitFor();
    const { alert } = await police.client.data<{
      alert: { status: string; dismissalReason: string };
    }>('query($id: ID!) { alert(id: $id) { status dismissalReason } }', { id: raiseAlert.id });
    expect(alert).toEqual({ status: 'DISMISSED', dismissalReason: 'DUPLICATE' });
  });
});
