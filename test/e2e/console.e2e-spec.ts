import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchConsoleBrowser, type ConsoleBrowser } from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { startAppProcesses, appStep, type AppProcesses } from '../support/start-app-processes';
import { waitForHandoffSubscribers } from '../support/subscribe-to-unit-events';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * The web console served by the built gateway at /, driven in headless Chromium under the
 * gateway's Content Security Policy: Dit. PWNI acknowledges and accepts a referral from KBRI
 * Phnom Penh in its Kotak masuk, declines a second one that arrives live, KBRI sees it in
 * Dikembalikan, and the auditor reads the case's timeline by case reference.
 */

interface Referral {
  id: string;
  reference: string;
  status: string;
  delivery: string;
  version: number;
}

const OPEN_CASE = `mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) { id reference persons { id label } }
}`;
const SEND_REFERRAL = `mutation SendReferral($input: SendReferralInput!) {
  sendReferral(input: $input) { id reference status delivery version }
}`;
const INBOX = `query Inbox { inbox(first: 100) { edges { node { id reference status delivery version } } } }`;

const PASSWORD = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

describe('console: the web console at / in Chromium', () => {
  let apps: AppProcesses | undefined;
  let browser: ConsoleBrowser | undefined;
  let shots: string;
  let kbri: Session;
  let kemlu: Session;
  let caseId: string;
  let caseReference: string;
  let personId: string;
  let pwniUnitId: string;
  let referral: Referral;
  let kemluPage: Page;
  let kemluProblems: string[];
  const step = appStep(() => apps, 45_000);

  const sendReferral = async (summary: string): Promise<Referral> => {
    const { sendReferral: sent } = await kbri.client.data<{ sendReferral: Referral }>(
      SEND_REFERRAL,
      {
        input: {
          caseId,
          toUnitId: pwniUnitId,
          services: ['REPATRIATION'],
          priority: 'URGENT',
          summary,
          personIds: [personId],
          lawfulBasis: { basis: 'VITAL_INTEREST' },
        },
      },
    );
    return sent;
  };

  beforeAll(async () => {
    shots = process.env.SIMPUL_SCREENSHOT_DIR ?? (await mkdtemp(join(tmpdir(), 'simpul-shots-')));
    apps = await startAppProcesses();
    browser = await launchConsoleBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await apps?.stop();
    if (!process.env.SIMPUL_SCREENSHOT_DIR && shots)
      await rm(shots, { recursive: true, force: true });
  }, 30_000);

  step('GET / serves the console under the CSP; /graphql and /health stay', async () => {
    const page = await fetch(`${apps!.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    for (const file of ['/app.js', '/styles.css']) {
      expect((await fetch(`${apps!.baseUrl}${file}`)).status).toBe(200);
    }
    expect((await fetch(`${apps!.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${apps!.baseUrl}/nothing-here`)).status).toBe(404);
  });

  step('kbri.phnompenh (API) opens a case and refers REPATRIATION to KEMLU-PWNI', async () => {
    kbri = await loginAs(apps!.graphqlUrl, 'kbri.phnompenh');
    const { openCase } = await kbri.client.data<{
      openCase: { id: string; reference: string; persons: { id: string }[] };
    }>(OPEN_CASE, {
      input: {
        title: '12 WNI dipaksa bekerja di pusat penipuan daring',
        exploitationTypes: ['ONLINE_SCAM', 'FORCED_CRIMINALITY'],
        regionCode: '53',
        persons: [{ fullName: 'Maria Bili', sex: 'FEMALE', passportNumber: 'C4455667' }],
      },
    });
    caseId = openCase.id;
    caseReference = openCase.reference;
    personId = openCase.persons[0].id;
    pwniUnitId = (await findUnitIds(kbri.client)).get('KEMLU-PWNI')!;
    referral = await sendReferral('Mohon fasilitasi pemulangan dari Phnom Penh');
    kemlu = await loginAs(apps!.graphqlUrl, 'kemlu.pwni');
    await waitForCondition('the referral to be DELIVERED', async () => {
      const { inbox } = await kemlu.client.data<{ inbox: { edges: { node: Referral }[] } }>(INBOX);
      return inbox.edges.some((e) => e.node.id === referral.id && e.node.delivery === 'DELIVERED');
    });
  });

  step('kemlu.pwni signs in and sees the referral in Kotak masuk', async () => {
    ({ page: kemluPage, problems: kemluProblems } = await browser!.newPage());
    await signIn(kemluPage, apps!.baseUrl, 'kemlu.pwni');
    await expectTab(kemluPage, 'Kotak masuk');
    const row = kemluPage.getByRole('row').filter({ hasText: referral.reference });
    await row.waitFor();
    await expectText(row.locator('[data-col="status"]'), 'Dikirim');
    await expectText(row, 'Pemulangan');
    await expectText(row, 'Segera');
    await expectText(row, 'KBRI Phnom Penh');
    await expectText(row, 'Sampai');
  });

  step('Tanda terima, then Sanggupi: the status is Disanggupi', async () => {
    const row = kemluPage.getByRole('row').filter({ hasText: referral.reference });
    await row.getByRole('button', { name: 'Tanda terima' }).click();
    await expectText(row.locator('[data-col="status"]'), 'Diterima');
    await row.getByRole('button', { name: 'Sanggupi' }).click();
    await expectText(row.locator('[data-col="status"]'), 'Disanggupi');
    await expect(row.getByRole('button', { name: 'Sanggupi' }).count()).resolves.toBe(0);
    await kemluPage.screenshot({ path: join(shots, 'kotak-masuk.png'), fullPage: true });
  });

  step('English on the toggle: the same referral reads "Accepted"', async () => {
    await kemluPage.getByRole('button', { name: 'English' }).click();
    const row = kemluPage.getByRole('row').filter({ hasText: referral.reference });
    await expectText(row.locator('[data-col="status"]'), 'Accepted');
    await expectTab(kemluPage, 'Inbox');
    await kemluPage.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expectTab(kemluPage, 'Kotak masuk');
  });

  step(
    'a second referral arrives live (graphql-ws) and is declined with a coded reason',
    async () => {
      await kemluPage.getByText('Langsung: tersambung').waitFor();
      await waitForHandoffSubscribers(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await sendReferral('Rujukan kedua untuk kasus yang sama');
      // No click on "Muat ulang": the unit event refreshes the inbox.
      const row = kemluPage.getByRole('row').filter({ hasText: second.reference });
      await row.waitFor({ timeout: 20_000 });
      await row.getByLabel('Alasan penolakan').selectOption('DUPLICATE');
      await row.getByRole('button', { name: 'Tolak' }).click();
      await expectText(row.locator('[data-col="status"]'), 'Ditolak');
      await expectText(row, 'Duplikat');

      const { page: kbriPage, problems } = await browser!.newPage();
      await signIn(kbriPage, apps!.baseUrl, 'kbri.phnompenh');
      await kbriPage.getByRole('button', { name: 'Dikembalikan' }).click();
      const returned = kbriPage.getByRole('row').filter({ hasText: second.reference });
      await expectText(returned.locator('[data-col="status"]'), 'Ditolak');
      await expectText(returned, 'Duplikat');
      await expect(
        kbriPage.getByRole('row').filter({ hasText: referral.reference }).count(),
      ).resolves.toBe(0);
      expect(problems).toEqual([]);
      await kbriPage.close();
    },
  );

  step('kemlu.pwni signs out: back to the sign-in form, nothing kept in storage', async () => {
    await kemluPage.getByRole('button', { name: 'Keluar' }).click();
    await kemluPage.getByLabel('Nama pengguna').waitFor();
    expect(await kemluPage.getByRole('row').count()).toBe(0);
    expect(kemluProblems).toEqual([]);
    const stored = await kemluPage.evaluate<number>('localStorage.length + sessionStorage.length');
    expect(stored).toBe(0);
    await kemluPage.close();
  });

  step('the auditor opens the case by reference and reads its timeline, no identity', async () => {
    const { page, problems } = await browser!.newPage();
    await signIn(page, apps!.baseUrl, 'auditor');
    await page.getByLabel('Nomor kasus').fill(caseReference);
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    await page.getByRole('heading', { name: `Kasus ${caseReference}` }).waitFor();
    const timeline = page.locator('#timeline-table tbody tr');
    await page.locator('#timeline-table tr[data-action="REFERRAL_ACCEPTED"]').waitFor();
    const actions = await Promise.all(
      (await timeline.all()).map((row) => row.getAttribute('data-action')),
    );
    expect(actions.slice(0, 5)).toEqual([
      'CASE_OPENED',
      'REFERRAL_SENT',
      'REFERRAL_DELIVERED',
      'REFERRAL_RECEIVED',
      'REFERRAL_ACCEPTED',
    ]);
    await expectText(page.locator('#timeline-table'), 'REFERRAL_ACCEPTED');
    await expectText(page.locator('#case-persons'), 'Korban 1');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Maria Bili');
    expect(body).not.toContain('C4455667');
    expect(body).not.toContain('Nama lengkap');
    await page.screenshot({ path: join(shots, 'jejak-audit.png'), fullPage: true });
    expect((await stat(join(shots, 'jejak-audit.png'))).size).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

async function expectTab(page: Page, name: string): Promise<void> {
  await page
    .getByRole('button', { name, exact: true })
    .and(page.locator('[aria-current="page"]'))
    .waitFor();
}

async function expectText(
  locator: { textContent(): Promise<string | null> },
  text: string,
): Promise<void> {
  await waitForCondition(
    `"${text}" to show`,
    async () => ((await locator.textContent()) ?? '').includes(text),
    10_000,
    100,
  );
}
