import { consoleSuite } from '../support/console-suite';
import { seriousAxeFindings, type ConsolePage } from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { waitForCondition } from '../support/wait-for-condition';
import { signInToConsole } from '../support/sign-in-to-console';

const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id reference } }`;
/** The console's inbox query on its default tab (all stages), pressing first. */
const INBOX = `query($first: Int) { inbox(first: $first, order: URGENT_FIRST) {
  totalCount edges { node { id } } } }`;

/**
 * The inbox stays in the server's order after a live event, over every page loaded, not only
 * the first (apps/console/src/screens/queue/use-queue.ts): UPTD PPA NTT has more than one page of
 * referrals and has loaded two when an EMERGENCY referral arrives; it appears at the top without
 * a reload, and the rows shown are the server's first rows, none repeated or lost. The referral
 * page says whose working days its deadlines count: Monday–Friday for UPTD PPA NTT,
 * Sunday–Thursday for KBRI Riyadh.
 */
describe('console: the inbox order after a live arrival, in Chromium', () => {
  let kbri: Session;
  let desk: Session;
  let units: Map<string, string>;
  let caseId: string;
  const suite = consoleSuite();
  const { step, open } = suite;

  const send = async (toUnit: string, priority: string, summary: string) =>
    (
      await kbri.client.data<{ sendReferral: { id: string; reference: string } }>(SEND, {
        input: {
          caseId,
          toUnitId: units.get(toUnit),
          services: ['SHELTER'],
          priority,
          summary,
        },
      })
    ).sendReferral;
  const signIn = async (username: string): Promise<ConsolePage> => {
    const tab = await open();
    await signInToConsole(tab, suite.apps!.baseUrl, username);
    return tab;
  };
  /** The referral ids of the rows shown, top to bottom (table or cards). */
  const shownIds = ({ page }: ConsolePage) =>
    page
      .locator('[data-referral]')
      .evaluateAll((rows: { getAttribute(name: string): string | null }[]) =>
        rows.map((row) => row.getAttribute('data-referral') ?? ''),
      );
  const serverIds = async (first: number) =>
    (
      await desk.client.data<{ inbox: { edges: { node: { id: string } }[] } }>(INBOX, { first })
    ).inbox.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    const apps = await suite.start({
      env: {
        ...process.env,
        LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn',
        RATE_LIMIT_OFFICER_RPM: '0',
      },
    });
    kbri = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    desk = await loginAs(apps.graphqlUrl, 'uptdppa.ntt');
    units = await findUnitIds(kbri.client);
    ({
      openCase: { id: caseId },
    } = await kbri.client.data<{ openCase: { id: string } }>(
      `mutation { openCase(input: { title: "Antrean panjang UPTD PPA", exploitationTypes: [FORCED_LABOUR], regionCode: "53" }) { id } }`,
    ));
    // More than a page (50) of ROUTINE referrals, whatever other files sent there.
    for (let i = 0; i < 60; i++) await send('UPTDPPA-NTT', 'ROUTINE', `Mohon penampungan ${i}`);
  }, 240_000);

  step(
    'puts an EMERGENCY referral that arrives live at the top, with every loaded page in the server’s order',
    async () => {
      const tab = await signIn('uptdppa.ntt');
      await tab.page.locator('[data-referral]').first().waitFor();
      await tab.page.getByRole('button', { name: 'Muat lebih banyak' }).click();
      await waitForCondition('a second page shown', async () => (await shownIds(tab)).length > 50);
      const before = await shownIds(tab);
      expect(before).toEqual(await serverIds(before.length));

      const emergency = await send('UPTDPPA-NTT', 'EMERGENCY', 'Korban perlu rumah aman malam ini');
      await waitForCondition(
        'the EMERGENCY referral shown at the top',
        async () => (await shownIds(tab))[0] === emergency.id,
      );
      // Every row moved one place down: the loaded pages were read again, none lost or repeated
      // (two pages hold at most 100).
      const expected = Math.min(before.length + 1, 100);
      await waitForCondition(
        'the loaded rows in the server’s order',
        async () => {
          const shown = await shownIds(tab);
          return (
            shown.length === expected &&
            JSON.stringify(shown) === JSON.stringify(await serverIds(shown.length))
          );
        },
        15_000,
        250,
      );
      expect((await shownIds(tab)).slice(1)).toEqual(before.slice(0, expected - 1));
      expect(await seriousAxeFindings(tab.page)).toEqual([]);

      await tab.page.getByRole('link', { name: emergency.reference }).first().click();
      await tab.page
        .getByRole('heading', { level: 1, name: new RegExp(emergency.reference) })
        .waitFor();
      await tab.page.getByText('Hari kerja penerima').waitFor();
      await tab.page.getByText(/Senin–Jumat \(UPTD PPA/).waitFor();
    },
  );

  step('shows a mission’s working days on its referral: Sunday–Thursday in Riyadh', async () => {
    const toRiyadh = await send('KBRI-RIYADH', 'ROUTINE', 'Mohon pendampingan di Riyadh');
    const tab = await signIn('kbri.phnompenh');
    await tab.page.goto(`${suite.apps!.baseUrl}/rujukan/${toRiyadh.id}`);
    await tab.page
      .getByRole('heading', { level: 1, name: new RegExp(toRiyadh.reference) })
      .waitFor();
    await tab.page.getByText('Minggu–Kamis (KBRI Riyadh)').waitFor();
    expect(await seriousAxeFindings(tab.page)).toEqual([]);
  });
});
