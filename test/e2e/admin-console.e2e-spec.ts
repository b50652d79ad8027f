import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  launchConsoleBrowser,
  screenshot,
  seriousAxeFindings,
  type ConsoleBrowser,
  type ConsolePage,
} from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { appStep, startAppProcesses, type AppProcesses } from '../support/start-app-processes';
import { waitForCondition } from '../support/wait-for-condition';

const PASSWORD = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';
const RULE = 'Uji rute perekrutan Kupang';
const PREVIEW = `query($severity: Severity!) { previewAlertRouting(input: {
  type: SUSPICIOUS_RECRUITMENT, severity: $severity, regionCode: "53.71" }) { code } }`;

const heading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });

/**
 * ADMIN's screen (/pengaturan) in Chromium: an administrator creates, edits and deletes an alert
 * routing rule — previewAlertRouting follows each change — and sees a webhook endpoint whose
 * receiver refuses every delivery, its parked delivery, and replays it. The worker gives up on
 * a webhook quickly here (short retry base, parked after one failed job), and the receiver is a
 * closed port on this host (private targets allowed, as outside production only). axe checks the
 * screen; any CSP violation or script error fails the test.
 */
describe('console: the administrator’s routing rules and webhooks', () => {
  let apps: AppProcesses | undefined;
  let browser: ConsoleBrowser | undefined;
  let tab: ConsolePage;
  let admin: Session;
  let police: Session;
  const step = appStep(() => apps, 90_000);

  const receivers = async (severity: string) =>
    (
      await police.client.data<{ previewAlertRouting: { code: string }[] }>(PREVIEW, { severity })
    ).previewAlertRouting.map((unit) => unit.code);

  beforeAll(async () => {
    apps = await startAppProcesses({
      env: {
        ...process.env,
        LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOK_RETRY_BASE_MS: '10',
        OUTBOX_PARK_AFTER_FAILURES: '1',
      },
    });
    browser = await launchConsoleBrowser();
    admin = await loginAs(apps.graphqlUrl, 'admin');
    police = await loginAs(apps.graphqlUrl, 'polda.ntt');
  }, 120_000);

  afterEach(() => {
    expect(tab?.problems.splice(0) ?? []).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await apps?.stop();
  }, 30_000);

  step('the administrator lands on the settings screen', async () => {
    tab = await browser!.newPage();
    const { page } = tab;
    await page.goto(`${apps!.baseUrl}/`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByRole('textbox', { name: 'Kata sandi' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await heading(page, 'Aturan peringatan dan webhook');
    await page.waitForURL('**/pengaturan');
    // The reference rules loaded at start, one per province.
    await page.getByRole('article', { name: 'Dugaan TPPO di Nusa Tenggara Timur' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  step('creates a rule; the routing preview reaches its unit', async () => {
    const { page } = tab;
    expect(await receivers('LOW')).not.toContain('LPSK-PUSAT');
    await page.getByRole('button', { name: 'Aturan baru' }).click();
    const form = page.getByRole('form', { name: 'Aturan baru' });
    await form.getByLabel(/^Nama aturan/).fill(RULE);
    await form.getByRole('checkbox', { name: 'Perekrutan mencurigakan' }).check();
    await form.getByLabel(/^Kode wilayah/).fill('53');
    await form.getByLabel(/^Kode satuan kerja penerima/).fill('lpsk-pusat, XX-TIDAK-ADA');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('alert').filter({ hasText: 'XX-TIDAK-ADA' }).waitFor();
    await form.getByLabel(/^Kode satuan kerja penerima/).fill('LPSK-PUSAT');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Aturan ${RULE} disimpan.` })
      .waitFor();
    const card = page.getByRole('article', { name: RULE });
    await card.getByText('Penerima: LPSK-PUSAT').waitFor();
    // A province code matches its regencies: an alert in Kota Kupang (53.71) reaches LPSK.
    expect(await receivers('LOW')).toContain('LPSK-PUSAT');
  });

  step('edits it to HIGH and above; then deletes it', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: `Ubah ${RULE}` }).click();
    const form = page.getByRole('form', { name: `Ubah aturan ${RULE}` });
    expect(await form.getByLabel(/^Nama aturan/).inputValue()).toBe(RULE);
    await form.getByLabel('Tingkat minimum').selectOption('HIGH');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Aturan ${RULE} disimpan.` })
      .waitFor();
    await page.getByRole('article', { name: RULE }).getByText('≥ Tinggi').waitFor();
    expect(await receivers('LOW')).not.toContain('LPSK-PUSAT');
    expect(await receivers('HIGH')).toContain('LPSK-PUSAT');

    await page.getByRole('button', { name: `Hapus ${RULE}` }).click();
    await page.getByRole('button', { name: `Ya, hapus ${RULE}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Aturan ${RULE} dihapus.` })
      .waitFor();
    await page.getByRole('article', { name: RULE }).waitFor({ state: 'detached' });
    expect(await receivers('HIGH')).not.toContain('LPSK-PUSAT');
  });

  step('sees a webhook whose receiver refuses, its parked delivery, and replays it', async () => {
    const units = await findUnitIds(admin.client);
    await admin.client.data(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }`,
      {
        input: {
          unitId: units.get('UPTDPPA-NTT'),
          url: 'http://127.0.0.1:9/simpul-events',
          secret: 'rahasia-uji-webhook-yang-cukup-panjang-32',
        },
      },
    );
    // An event for UPTD PPA NTT: the alert's delivery to it goes to the endpoint, and fails.
    await police.client.data(
      `mutation { raiseAlert(input: { type: SUSPECTED_TRAFFICKING, severity: LOW, regionCode: "53",
        summary: "Uji webhook" }) { id } }`,
    );
    await waitForCondition(
      'the webhook delivery parked',
      async () => {
        const { parkedOutboxRows } = await admin.client.data<{
          parkedOutboxRows: { jobName: string }[];
        }>('{ parkedOutboxRows { jobName } }');
        return parkedOutboxRows.some((row) => row.jobName === 'deliver-webhook');
      },
      60_000,
      500,
    );
    const { page } = tab;
    await page.reload();
    await heading(page, 'Aturan peringatan dan webhook');
    const webhooks = page.getByRole('region', { name: 'Webhook' });
    await webhooks
      .getByRole('listitem')
      .filter({ hasText: 'UPTDPPA-NTT — http://127.0.0.1:9/simpul-events' })
      .filter({ hasText: 'galat terakhir' })
      .waitFor();
    const parked = page.getByRole('region', { name: 'Pengiriman yang diparkir' });
    const row = parked.getByRole('article', { name: /^deliver-webhook / }).first();
    await row.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot({ page }, '26-pengaturan');
    await row.getByRole('button', { name: /^Kirim ulang deliver-webhook/ }).click();
    await parked
      .getByRole('status')
      .filter({ hasText: 'Dikirim ulang: deliver-webhook.' })
      .waitFor();

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM ledger_entry WHERE action = 'OUTBOX_ROW_REPLAYED'",
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await db.end();
    }
  });
});
