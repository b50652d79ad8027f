import { consoleSuite } from '../support/console-suite';
import {
  seriousAxeFindings,
  type ConsolePage,
  screenshot,
} from '../support/launch-console-browser';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { signInToConsole } from '../support/sign-in-to-console';

/**
 * The notifications bell in Chromium: a referral delivered to BP3MI NTT while its desk officer
 * has the console open turns the bell to "1 unread" live; the list names what happened and the
 * referral's reference; following it opens the referral and marks it read. axe checks the open
 * list; any CSP violation or script error fails the test.
 */
describe('console: the notifications bell', () => {
  const suite = consoleSuite();
  const { open } = suite;
  let tab: ConsolePage;
  let kbri: Session;
  let bp3mi: Session;

  beforeAll(async () => {
    const apps = await suite.start();
    kbri = await loginAs(apps.graphqlUrl, 'kbri.phnompenh');
    bp3mi = await loginAs(apps.graphqlUrl, 'bp3mi.ntt');
    // Whatever earlier files of the run told BP3MI NTT is read: the count starts at 0.
    await bp3mi.client.data('mutation { markAllNotificationsRead }');
  }, 120_000);

  it('shows a delivery live, leads to the referral and marks it read', async () => {
    tab = await open();
    const { page } = tab;
    await signInToConsole(tab, suite.apps!.baseUrl, 'bp3mi.ntt');
    await page.getByRole('button', { name: 'Pemberitahuan', exact: true }).waitFor();

    const units = await findUnitIds(kbri.client);
    const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(
      `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      { input: { title: 'Kasus lonceng', exploitationTypes: ['FORCED_LABOUR'], persons: [] } },
    );
    const { sendReferral } = await kbri.client.data<{
      sendReferral: { id: string; reference: string };
    }>(`mutation($input: SendReferralInput!) { sendReferral(input: $input) { id reference } }`, {
      input: {
        caseId: openCase.id,
        toUnitId: units.get('BP3MI-NTT'),
        services: ['SHELTER'],
        priority: 'URGENT',
        summary: 'Mohon penampungan',
      },
    });

    const bell = page.getByRole('button', { name: /^Pemberitahuan\s*1\s+belum dibaca$/ });
    await bell.waitFor({ timeout: 20_000 });
    await bell.click();
    const item = page.getByRole('link', {
      name: `Rujukan baru masuk · ${sendReferral.reference}`,
    });
    await item.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(tab, '20-pemberitahuan');
    await item.click();
    await page.waitForURL(`**/rujukan/${sendReferral.id}`);
    await page.getByRole('button', { name: 'Pemberitahuan', exact: true }).waitFor();
    const { unreadNotificationCount } = await bp3mi.client.data<{
      unreadNotificationCount: number;
    }>('{ unreadNotificationCount }');
    expect(unreadNotificationCount).toBe(0);
    expect(tab.problems).toEqual([]);
  }, 90_000);
});
