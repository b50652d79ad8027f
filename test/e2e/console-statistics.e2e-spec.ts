import { consoleSuite } from '../support/console-suite';
import { readFile } from 'node:fs/promises';
import { PHONE, seriousAxeFindings, screenshot } from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { signInToConsole } from '../support/sign-in-to-console';

/**
 * The console's Statistik screen in Chromium, against the built gateway and worker: the auditor
 * sees handoffs per receiving agency as an ECharts chart (its own lazily loaded chunk, drawn under
 * the gateway's Content Security Policy) and as a table, the ping-pong list, and downloads the
 * anonymised statistics CSV; a desk officer is not offered the screen. axe-core checks it, on a
 * desk and on a phone; any CSP violation or script error fails the test.
 */

describe('console: Statistik for auditors and the Gugus Tugas', () => {
  let kbri: Session;
  const suite = consoleSuite();
  const { step, open } = suite;

  beforeAll(async () => {
    const apps = await suite.start();
    kbri = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    const units = await findUnitIds(kbri.client);
    const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Statistik konsol", exploitationTypes: [FORCED_LABOUR], regionCode: "53" }) { id } }',
    );
    const lpsk = await loginAs(apps.graphqlUrl, 'lpsk');
    for (let i = 0; i < 4; i++) {
      // Four declines by LPSK: a ping-pong case, and declines in LPSK's row.
      const { sendReferral } = await kbri.client.data<{ sendReferral: { id: string } }>(
        'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
        {
          input: {
            caseId: openCase.id,
            toUnitId: units.get('LPSK-PUSAT'),
            services: ['WITNESS_PROTECTION'],
            priority: 'ROUTINE',
            summary: 'Perlindungan saksi',
          },
        },
      );
      await lpsk.client.data(
        'mutation($id: ID!) { rejectReferral(id: $id, reason: NOT_MANDATE) { status } }',
        { id: sendReferral.id },
      );
    }
  }, 120_000);

  step(
    'the auditor reads handoffs per agency as a chart and a table, the ping-pong list, and downloads the CSV',
    async () => {
      const tab = await open();
      const { page } = tab;
      await signInToConsole(tab, suite.apps!.baseUrl, 'auditor');
      await page.getByRole('link', { name: 'Statistik' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Statistik dan pertanyaan auditor' })
        .waitFor();
      // The table: LPSK received four and declined four.
      const lpskRow = page.locator('tr', { hasText: '(LPSK)' }).first();
      await lpskRow.waitFor({ timeout: 15_000 });
      const cell = async (column: string) =>
        lpskRow.locator(`td[data-col="${column}"]`).innerText();
      expect([await cell('received'), await cell('accepted'), await cell('rejected')]).toEqual([
        '4',
        '0',
        '4',
      ]);
      // The chart: drawn by ECharts into a canvas, from a chunk the screen loaded itself.
      await page.locator('.agency-chart[data-chart-ready="true"] canvas').first().waitFor();
      // The ping-pong list names the case with its four declines.
      const pingPong = page.getByRole('table', { name: 'Kasus bolak-balik' });
      await pingPong
        .locator('td[data-col="bounces"]', { hasText: /^4$/ })
        .first()
        .waitFor({ timeout: 15_000 });
      expect(await seriousAxeFindings(page)).toEqual([]);
      await screenshot(tab, '19-statistik');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /^Unduh CSV/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^simpul-statistik-\d{4}-\d\d_\d{4}-\d\d\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const [header, ...lines] = csv.trimEnd().split('\r\n');
      expect(header.split(',').slice(0, 6)).toEqual([
        'month',
        'provinceCode',
        'exploitationType',
        'agencyCode',
        'suppressed',
        'persons',
      ]);
      // The case names no person: every cell of this run counts fewer than 11 and is suppressed.
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.split(',')[4]).toBe('true');
      await page.getByText('CSV telah diunduh.').waitFor();
    },
  );

  step('on a phone the tables become cards, and axe finds nothing serious', async () => {
    const tab = await open(PHONE);
    await signInToConsole(tab, suite.apps!.baseUrl, 'gugustugas.ntt');
    await tab.page.goto(`${suite.apps!.baseUrl}/statistik`);
    await tab.page.locator('.queue-cards').first().waitFor({ timeout: 15_000 });
    const width = await tab.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    expect(await seriousAxeFindings(tab.page)).toEqual([]);
  });

  step('a desk officer is not offered Statistik, and the API refuses it', async () => {
    const tab = await open();
    await signInToConsole(tab, suite.apps!.baseUrl, 'kemlu.pwni');
    await tab.page.getByRole('link', { name: 'Kotak masuk' }).first().waitFor();
    expect(await tab.page.getByRole('link', { name: 'Statistik' }).count()).toBe(0);
    const response = await fetch(
      `${suite.apps!.baseUrl}/statistics/evaluation.csv?fromMonth=2026-01&toMonth=2026-12`,
      {
        headers: {
          authorization: `Bearer ${(await loginAs(suite.apps!.graphqlUrl, 'kemlu.pwni')).token}`,
        },
      },
    );
    expect(response.status).toBe(403);
  });
});
