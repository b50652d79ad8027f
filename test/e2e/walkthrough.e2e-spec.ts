import { type GraphqlClient, errorCodeOf } from '../support/graphql-client';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import { startAppProcesses, appStep, type AppProcesses } from '../support/start-app-processes';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * The README walkthrough against the built gateway and worker, over HTTP and WebSocket only:
 * KBRI Phnom Penh refers a repatriation to Kemlu Dit. PWNI, the handoff happens, an auditor
 * verifies the chain of the case's timeline.
 */

interface UnitEvent {
  seq: string;
  action: string;
  referral: { id: string; reference: string } | null;
  toUnit: { code: string } | null;
}
interface Referral {
  id: string;
  reference: string;
  status: string;
  delivery: string;
  version: number;
}
interface TimelineEntry {
  seq: string;
  action: string;
  prevHash: string;
  entryHash: string;
}

const REFERRAL_FIELDS = 'id reference status delivery version';

const OPEN_CASE = `mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) { id reference persons { id label } }
}`;
const SEND_REFERRAL = `mutation SendReferral($input: SendReferralInput!) {
  sendReferral(input: $input) { ${REFERRAL_FIELDS} }
}`;
const INBOX = `query Inbox { inbox(first: 50) { edges { node { ${REFERRAL_FIELDS} } } } }`;
const ACKNOWLEDGE = `mutation Acknowledge($id: ID!, $expectedVersion: Int) {
  acknowledgeReferral(id: $id, expectedVersion: $expectedVersion) { ${REFERRAL_FIELDS} }
}`;
const ACCEPT = `mutation Accept($id: ID!, $expectedVersion: Int) {
  acceptReferral(id: $id, expectedVersion: $expectedVersion) { ${REFERRAL_FIELDS} }
}`;
const TIMELINE = `query Timeline($caseId: ID!) {
  handoffTimeline(caseId: $caseId) { seq action prevHash entryHash }
}`;
const CASE_PERSONS = `query CasePersons($id: ID!) {
  case(id: $id) { id persons { label fullName nationalId } }
}`;

async function findInInbox(
  client: GraphqlClient,
  referralId: string,
): Promise<Referral | undefined> {
  const { inbox } = await client.data<{ inbox: { edges: { node: Referral }[] } }>(INBOX);
  return inbox.edges.map((edge) => edge.node).find((node) => node.id === referralId);
}

/**
 * Read-your-writes: right after an action, the acting officer's timeline of the case already
 * holds it (the ledger sequencer seals entries just after their commit; the read waits for them).
 */
async function expectOnTimeline(client: GraphqlClient, caseId: string, action: string) {
  const { handoffTimeline } = await client.data<{ handoffTimeline: TimelineEntry[] }>(TIMELINE, {
    caseId,
  });
  expect(handoffTimeline.map((entry) => entry.action)).toContain(action);
}

describe('walkthrough: a repatriation referral from KBRI Phnom Penh to Kemlu Dit. PWNI', () => {
  let apps: AppProcesses | undefined;
  let kbri: Session;
  let kemlu: Session;
  let events: UnitEventStream<UnitEvent> | undefined;
  let caseId: string;
  let personId: string;
  let referral: Referral;
  const step = appStep(() => apps);

  beforeAll(async () => {
    apps = await startAppProcesses();
  }, 90_000);

  afterAll(async () => {
    await events?.close();
    await apps?.stop();
  }, 30_000);

  step('kbri.phnompenh logs in and opens a case with one person', async () => {
    kbri = await loginAs(apps!.graphqlUrl, 'kbri.phnompenh');
    const { openCase } = await kbri.client.data<{
      openCase: { id: string; reference: string; persons: { id: string; label: string }[] };
    }>(OPEN_CASE, {
      input: {
        title: 'Online-scam compound, Sihanoukville',
        summary: 'Indonesian workers held and forced into online-scam work.',
        exploitationTypes: ['FORCED_CRIMINALITY', 'ONLINE_SCAM'],
        persons: [{ fullName: 'Siti Rahmawati', sex: 'FEMALE', nationalId: '5371014101990001' }],
      },
    });
    expect(openCase.reference).toMatch(/^TPPO-\d{4}-\d+$/);
    expect(openCase.persons).toHaveLength(1);
    caseId = openCase.id;
    personId = openCase.persons[0].id;
    await expectOnTimeline(kbri.client, caseId, 'CASE_OPENED');
  });

  step('kemlu.pwni subscribes to its unit events over graphql-ws', async () => {
    kemlu = await loginAs(apps!.graphqlUrl, 'kemlu.pwni');
    events = subscribeToUnitEvents<UnitEvent>(
      apps!.websocketUrl,
      kemlu.token,
      'seq action referral { id reference } toUnit { code }',
    );
    await waitForHandoffSubscribers(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
  });

  step('kbri.phnompenh sends an URGENT REPATRIATION referral to KEMLU-PWNI', async () => {
    const units = await findUnitIds(kbri.client);
    const { sendReferral } = await kbri.client.data<{ sendReferral: Referral }>(SEND_REFERRAL, {
      input: {
        caseId,
        toUnitId: units.get('KEMLU-PWNI'),
        services: ['REPATRIATION'],
        priority: 'URGENT',
        summary: 'Twelve nationals awaiting exit permits; please arrange repatriation.',
        personIds: [personId],
        // Identities travel only with a recorded lawful basis (UU 27/2022).
        lawfulBasis: { basis: 'PUBLIC_TASK' },
      },
    });
    expect(sendReferral).toMatchObject({ status: 'REQUESTED', version: 1 });
    referral = sendReferral;
    await expectOnTimeline(kbri.client, caseId, 'REFERRAL_SENT');
  });

  step('the subscription receives REFERRAL_SENT and REFERRAL_DELIVERED for it', async () => {
    const about = (action: string) => (event: UnitEvent) =>
      event.action === action && event.referral?.id === referral.id;
    const sent = await events!.waitFor(about('REFERRAL_SENT'));
    const delivered = await events!.waitFor(about('REFERRAL_DELIVERED'));
    expect(sent).toMatchObject({
      toUnit: { code: 'KEMLU-PWNI' },
      referral: { reference: referral.reference },
    });
    expect(BigInt(delivered.seq)).toBeGreaterThan(BigInt(sent.seq));
  });

  step('the referral is DELIVERED in kemlu.pwni inbox', async () => {
    let found: Referral | undefined;
    await waitForCondition('the referral to be DELIVERED in the inbox', async () => {
      found = await findInInbox(kemlu.client, referral.id);
      return found?.delivery === 'DELIVERED';
    });
    // Delivery is bookkeeping: it never changes the version.
    expect(found).toMatchObject({ status: 'REQUESTED', version: 1 });
  });

  step('kemlu.pwni acknowledges (v1 → RECEIVED v2) and accepts (v2 → ACCEPTED v3)', async () => {
    const { acknowledgeReferral } = await kemlu.client.data<{ acknowledgeReferral: Referral }>(
      ACKNOWLEDGE,
      { id: referral.id, expectedVersion: 1 },
    );
    expect(acknowledgeReferral).toMatchObject({ status: 'RECEIVED', version: 2 });
    await expectOnTimeline(kemlu.client, caseId, 'REFERRAL_RECEIVED');
    const { acceptReferral } = await kemlu.client.data<{ acceptReferral: Referral }>(ACCEPT, {
      id: referral.id,
      expectedVersion: 2,
    });
    expect(acceptReferral).toMatchObject({ status: 'ACCEPTED', version: 3 });
    await expectOnTimeline(kemlu.client, caseId, 'REFERRAL_ACCEPTED');
  });

  step('a stale expectedVersion is a CONFLICT', async () => {
    const stale = await kemlu.client.request(ACCEPT, { id: referral.id, expectedVersion: 2 });
    expect(errorCodeOf(stale)).toBe('CONFLICT');
    expect(stale.data).toBeNull();
  });

  step('the auditor reads a hash-chained timeline of the case, without identities', async () => {
    const auditor = await loginAs(apps!.graphqlUrl, 'auditor');
    const { handoffTimeline } = await auditor.client.data<{ handoffTimeline: TimelineEntry[] }>(
      TIMELINE,
      { caseId },
    );
    expect(handoffTimeline.map((entry) => entry.action)).toEqual([
      'CASE_OPENED',
      'REFERRAL_SENT',
      'REFERRAL_DELIVERED',
      'REFERRAL_RECEIVED',
      'REFERRAL_ACCEPTED',
    ]);
    for (const [i, entry] of handoffTimeline.entries()) {
      expect(entry.entryHash).toMatch(/^[0-9a-f]{64}$/);
      if (i === 0) continue;
      const previous = handoffTimeline[i - 1];
      expect(BigInt(entry.seq)).toBe(BigInt(previous.seq) + 1n);
      expect(entry.prevHash).toBe(previous.entryHash);
    }
    const { case: seen } = await auditor.client.data<{
      case: { persons: { label: string; fullName: string | null; nationalId: string | null }[] };
    }>(CASE_PERSONS, { id: caseId });
    expect(seen.persons).toHaveLength(1);
    expect(seen.persons[0]).toMatchObject({ fullName: null, nationalId: null });
  });

  step('a unit that is no party of the case gets NOT_FOUND', async () => {
    const lpsk = await loginAs(apps!.graphqlUrl, 'lpsk');
    const response = await lpsk.client.request(CASE_PERSONS, { id: caseId });
    expect(errorCodeOf(response)).toBe('NOT_FOUND');
  });
});
