import { consoleSuite } from '../support/console-suite';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  screenshot,
  seriousAxeFindings,
  type ConsolePage,
} from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { waitForCondition } from '../support/wait-for-condition';
import { signInToConsole } from '../support/sign-in-to-console';

const RULE = 'Uji rute perekrutan Kupang';
/** A closed port on this host, with a path of this run's own (e2e files share one database). */
const HOOK_URL = `http://127.0.0.1:9/simpul-events-${Date.now().toString(36)}`;
const PREVIEW = `query($severity: Severity!) { previewAlertRouting(input: {
  type: SUSPICIOUS_RECRUITMENT, severity: $severity, regionCode: "53.71" }) { code } }`;

const heading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });

/**
 * ADMIN's screen (/pengaturan) in Chromium: an administrator creates, edits and deletes an alert
 * routing rule — previewAlertRouting follows each change —, adds a webhook endpoint to a unit (its
 * secret shown once), sees that its receiver refuses every delivery, the parked delivery, and
 * replays it, then changes the endpoint's URL, turns it off and rotates its secret. The worker gives up on
 * a webhook quickly here (short retry base, parked after one failed job), and the receiver is a
 * closed port on this host (private targets allowed, as outside production only). axe checks the
 * screen; any CSP violation or script error fails the test.
 */
describe('console: the administrator’s routing rules and webhooks', () => {
  let tab: ConsolePage;
  let admin: Session;
  let police: Session;
  let firstSecret = '';
  let hookId = '';
  const suite = consoleSuite();
  const { step, open } = suite;

  const receivers = async (severity: string) =>
    (
      await police.client.data<{ previewAlertRouting: { code: string }[] }>(PREVIEW, { severity })
    ).previewAlertRouting.map((unit) => unit.code);

  beforeAll(async () => {
    const apps = await suite.start({
      env: {
        ...process.env,
        LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOK_RETRY_BASE_MS: '10',
        OUTBOX_PARK_AFTER_FAILURES: '1',
      },
    });
    admin = await loginAs(apps.graphqlUrl, 'admin');
    police = await loginAs(apps.graphqlUrl, 'polda.ntt');
  }, 120_000);

  step('the administrator lands on the settings screen', async () => {
    tab = await open();
    const { page } = tab;
    await signInToConsole(tab, suite.apps!.baseUrl, 'admin');
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

  step('adds a webhook to a unit; its secret is shown once', async () => {
    const units = await findUnitIds(admin.client);
    const { page } = tab;
    await page.getByRole('button', { name: 'Webhook baru' }).click();
    const form = page.getByRole('form', { name: 'Webhook baru' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Pilih satuan kerja' }).waitFor();
    await form.getByLabel(/^Satuan kerja/).selectOption(units.get('UPTDPPA-NTT') as string);
    await form.getByLabel(/^Alamat penerima/).fill(HOOK_URL);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Webhook UPTDPPA-NTT disimpan.' }).waitFor();
    const once = page.getByRole('region', { name: 'Rahasia baru webhook UPTDPPA-NTT' });
    firstSecret = await once.getByRole('textbox', { name: 'Rahasia' }).inputValue();
    expect(firstSecret).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('article', { name: `UPTDPPA-NTT ${HOOK_URL}` }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot({ page }, '28-webhook-rahasia');
    await once.getByRole('button', { name: 'Sudah disalin, tutup' }).click();
    await once.waitFor({ state: 'detached' });
    // Never shown again: not after a reload, not by the API.
    await page.reload();
    await heading(page, 'Aturan peringatan dan webhook');
    await page.getByRole('article', { name: `UPTDPPA-NTT ${HOOK_URL}` }).waitFor();
    expect(await page.content()).not.toContain(firstSecret);
    const { webhookEndpoints } = await admin.client.data<{
      webhookEndpoints: { id: string; url: string; active: boolean }[];
    }>('{ webhookEndpoints { id url active } }');
    const made = webhookEndpoints.find((hook) => hook.url === HOOK_URL);
    expect(made).toMatchObject({ active: true });
    hookId = made!.id;
  });

  step('sees the webhook whose receiver refuses, its parked delivery, and replays it', async () => {
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
    await page
      .getByRole('article', { name: `UPTDPPA-NTT ${HOOK_URL}` })
      .filter({ hasText: 'galat terakhir' })
      .waitFor();
    const parked = page.getByRole('region', { name: 'Pengiriman yang diparkir' });
    const row = parked.getByRole('article', { name: /^deliver-webhook / }).first();
    await row.waitFor();
    // Narrowed to one job by the API: another job's rows only, then this one's again.
    const filterBy = async (job: string) => {
      await parked.getByRole('textbox', { name: 'Jenis tugas' }).fill(job);
      await parked.getByRole('button', { name: 'Saring', exact: true }).click();
    };
    await filterBy('no-such-job');
    await parked.getByText('Tidak ada pengiriman no-such-job yang diparkir.').waitFor();
    expect(await parked.getByRole('article').count()).toBe(0);
    await filterBy('deliver-webhook');
    await row.waitFor();
    for (const shown of await parked.getByRole('article').all()) {
      expect(await shown.getAttribute('aria-label')).toMatch(/^deliver-webhook /);
    }
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
  step(
    'changes its URL, turns it off, and rotates its secret — the new one shown once',
    async () => {
      const { page } = tab;
      await page.getByRole('button', { name: `Ubah UPTDPPA-NTT ${HOOK_URL}` }).click();
      const form = page.getByRole('form', { name: 'Ubah webhook UPTDPPA-NTT' });
      expect(await form.getByLabel(/^Alamat penerima/).inputValue()).toBe(HOOK_URL);
      await form.getByLabel(/^Alamat penerima/).fill(`${HOOK_URL}-v2`);
      await form.getByRole('checkbox', { name: 'Aktif' }).uncheck();
      await form.getByRole('button', { name: 'Simpan' }).click();
      const edited = page.getByRole('article', { name: `UPTDPPA-NTT ${HOOK_URL}-v2` });
      await edited.getByText('nonaktif').waitFor();

      const sealedSecret = async () => {
        const db = new Client({ connectionString: process.env.DATABASE_URL });
        await db.connect();
        try {
          const { rows } = await db.query<{ secret_sealed: string; changed: string[] | null }>(
            `SELECT secret_sealed, (SELECT payload->'changed' FROM ledger_entry
                    WHERE action = 'WEBHOOK_ENDPOINT_UPDATED'
                      AND payload->>'webhookEndpointId' = $1::text ORDER BY id DESC LIMIT 1) AS changed
             FROM webhook_endpoint WHERE id = $1::uuid`,
            [hookId],
          );
          return rows[0];
        } finally {
          await db.end();
        }
      };
      const before = await sealedSecret();
      expect(before.changed).toEqual(['url', 'active']);

      await edited
        .getByRole('button', { name: `Ganti rahasia UPTDPPA-NTT ${HOOK_URL}-v2` })
        .click();
      await edited
        .getByRole('button', { name: `Ya, ganti rahasia UPTDPPA-NTT ${HOOK_URL}-v2` })
        .click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Rahasia webhook UPTDPPA-NTT diganti' })
        .waitFor();
      const once = page.getByRole('region', { name: 'Rahasia baru webhook UPTDPPA-NTT' });
      const rotated = await once.getByRole('textbox', { name: 'Rahasia' }).inputValue();
      expect(rotated).toMatch(/^[0-9a-f]{64}$/);
      expect(rotated).not.toBe(firstSecret);
      expect(await seriousAxeFindings(page)).toEqual([]);
      const after = await sealedSecret();
      expect(after.secret_sealed).not.toBe(before.secret_sealed);
      expect(after.changed).toEqual(['secret']);
      const { webhookEndpoints } = await admin.client.data<{
        webhookEndpoints: { id: string; url: string; active: boolean }[];
      }>('{ webhookEndpoints { id url active } }');
      expect(webhookEndpoints.find((hook) => hook.id === hookId)).toMatchObject({
        url: `${HOOK_URL}-v2`,
        active: false,
      });
      await once.getByRole('button', { name: 'Sudah disalin, tutup' }).click();
    },
  );
});
