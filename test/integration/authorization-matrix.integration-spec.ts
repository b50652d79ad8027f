import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AcceptReferralUseCase, HoldReferralUseCase, StartReferralUseCase } from '@simpul/referral';
import { errorCodeOf, type GraphqlClient } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { startLedgerSequencer } from '../support/start-ledger-sequencer';
import { loginAs } from '../support/login-as';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

/**
 * Every read and write on someone else's case, by every kind of caller, against the real gateway
 * on PostgreSQL. The case is KBRI Phnom Penh's (lead); its referral goes to BP3MI NTT (receiver),
 * whose SUPERVISOR acts for it. Everyone else is no party: another unit of the lead's own agency,
 * a supervisor of another agency, a desk, a police unit, the auditor and the administrator.
 */
const CALLERS = {
  lead: 'kbri.phnompenh',
  receiver: 'bp3mi.ntt',
  receiverSupervisor: 'bp3mi.ntt.kepala',
  sameAgencyOtherUnit: 'kemlu.pwni',
  otherAgencySupervisor: 'gugustugas.ntt',
  stranger: 'lpsk',
  otherPolice: 'polda.ntt',
  auditor: 'auditor',
  admin: 'admin',
} as const;
type Caller = keyof typeof CALLERS;
type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

interface Fixture {
  caseId: string;
  reference: string;
  referralId: string;
  personId: string;
  units: Record<string, string>;
}

interface Row {
  operation: string;
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
  /** Writes get a fresh case and referral per caller, so one caller's success cannot change another's cell. */
  fresh?: boolean;
  /** Where the fresh referral stands before the call (default REQUESTED). */
  from?: 'ACCEPTED' | 'IN_PROGRESS' | 'ON_HOLD';
  expected: Record<Caller, Outcome>;
}

/** Parties read; everyone else learns nothing — except the auditor, who reads every case. */
const READ: Record<Caller, Outcome> = {
  lead: 'OK',
  receiver: 'OK',
  receiverSupervisor: 'OK',
  sameAgencyOtherUnit: 'NOT_FOUND',
  otherAgencySupervisor: 'NOT_FOUND',
  stranger: 'NOT_FOUND',
  otherPolice: 'NOT_FOUND',
  auditor: 'OK',
  admin: 'NOT_FOUND',
};
const strangers = {
  sameAgencyOtherUnit: 'NOT_FOUND',
  otherAgencySupervisor: 'NOT_FOUND',
  stranger: 'NOT_FOUND',
  otherPolice: 'NOT_FOUND',
  admin: 'NOT_FOUND',
} as const;
/** The receiving side acts; the sender and the auditor can see but may not. */
const RECEIVER_ACTS: Record<Caller, Outcome> = {
  lead: 'FORBIDDEN',
  receiver: 'OK',
  receiverSupervisor: 'OK',
  auditor: 'FORBIDDEN',
  ...strangers,
};
const SENDER_ACTS: Record<Caller, Outcome> = {
  lead: 'OK',
  receiver: 'FORBIDDEN',
  receiverSupervisor: 'FORBIDDEN',
  auditor: 'FORBIDDEN',
  ...strangers,
};
const LEAD_ONLY = SENDER_ACTS;
const ADMIN_ONLY: Record<Caller, Outcome> = {
  lead: 'FORBIDDEN',
  receiver: 'FORBIDDEN',
  receiverSupervisor: 'FORBIDDEN',
  sameAgencyOtherUnit: 'FORBIDDEN',
  otherAgencySupervisor: 'FORBIDDEN',
  stranger: 'FORBIDDEN',
  otherPolice: 'FORBIDDEN',
  auditor: 'FORBIDDEN',
  admin: 'OK',
};

const MATRIX: Row[] = [
  {
    operation: 'case',
    query: 'query($id: ID!) { case(id: $id) { id } }',
    variables: (f) => ({ id: f.caseId }),
    expected: READ,
  },
  {
    operation: 'caseByReference',
    query: 'query($r: String!) { caseByReference(reference: $r) { id } }',
    variables: (f) => ({ r: f.reference }),
    expected: READ,
  },
  {
    operation: 'handoffTimeline',
    query: 'query($id: ID!) { handoffTimeline(caseId: $id) { seq } }',
    variables: (f) => ({ id: f.caseId }),
    expected: READ,
  },
  {
    operation: 'referral',
    query: 'query($id: ID!) { referral(id: $id) { id events { seq } } }',
    variables: (f) => ({ id: f.referralId }),
    expected: READ,
  },
  {
    operation: 'personAccessLog',
    query: 'query($id: ID!) { personAccessLog(personId: $id) { id } }',
    variables: (f) => ({ id: f.personId }),
    expected: {
      ...strangers,
      lead: 'OK',
      receiver: 'NOT_FOUND',
      receiverSupervisor: 'NOT_FOUND',
      auditor: 'NOT_FOUND',
      admin: 'OK',
    },
  },
  {
    operation: 'sendReferral',
    query: 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
    variables: (f) => ({
      input: {
        caseId: f.caseId,
        toUnitId: f.units['UPTDPPA-NTT'],
        services: ['REINTEGRATION'],
        priority: 'ROUTINE',
        summary: 'Reintegrasi',
      },
    }),
    expected: { ...READ, auditor: 'FORBIDDEN' },
  },
  ...(['acknowledgeReferral', 'acceptReferral'] as const).map((name) => ({
    operation: name,
    query: `mutation($id: ID!) { ${name}(id: $id) { status } }`,
    variables: (f: Fixture) => ({ id: f.referralId }),
    fresh: true,
    expected: RECEIVER_ACTS,
  })),
  {
    operation: 'rejectReferral',
    query: 'mutation($id: ID!) { rejectReferral(id: $id, reason: WRONG_REGION) { status } }',
    variables: (f) => ({ id: f.referralId }),
    fresh: true,
    expected: RECEIVER_ACTS,
  },
  {
    operation: 'redirectReferral',
    query: 'mutation($id: ID!, $to: ID!) { redirectReferral(id: $id, toUnitId: $to) { status } }',
    variables: (f) => ({ id: f.referralId, to: f.units['KP2MI-PUSAT'] }),
    fresh: true,
    expected: RECEIVER_ACTS,
  },
  {
    operation: 'cancelReferral',
    query: 'mutation($id: ID!) { cancelReferral(id: $id, note: "Batal") { status } }',
    variables: (f) => ({ id: f.referralId }),
    fresh: true,
    expected: SENDER_ACTS,
  },
  ...(
    [
      ['startReferral', 'startReferral(id: $id) { status }', 'ACCEPTED'],
      ['holdReferral', 'holdReferral(id: $id, note: "Menunggu dokumen") { status }', 'IN_PROGRESS'],
      ['resumeReferral', 'resumeReferral(id: $id) { status }', 'ON_HOLD'],
      [
        'completeReferral',
        'completeReferral(id: $id, outcome: "Selesai") { status }',
        'IN_PROGRESS',
      ],
      ['failReferral', 'failReferral(id: $id, note: "Tidak dapat") { status }', 'ON_HOLD'],
    ] as const
  ).map(([operation, field, from]) => ({
    operation,
    query: `mutation($id: ID!) { ${field} }`,
    variables: (f: Fixture) => ({ id: f.referralId }),
    fresh: true,
    from,
    expected: RECEIVER_ACTS,
  })),
  {
    operation: 'closeCase',
    query: 'mutation($id: ID!) { closeCase(id: $id, note: "Selesai") { status } }',
    variables: (f) => ({ id: f.caseId }),
    expected: { ...LEAD_ONLY, lead: 'CONFLICT' },
  },
  {
    operation: 'addPerson',
    query:
      'mutation($id: ID!) { addPerson(caseId: $id, input: { fullName: "Orang Baru", sex: UNKNOWN }) { id } }',
    variables: (f) => ({ id: f.caseId }),
    fresh: true,
    expected: LEAD_ONLY,
  },
  {
    operation: 'updatePerson',
    query:
      'mutation($id: ID!) { updatePerson(id: $id, input: { phone: "+62 811 000 111" }) { id } }',
    variables: (f) => ({ id: f.personId }),
    fresh: true,
    expected: LEAD_ONLY,
  },
  {
    operation: 'setPoliceNotes',
    query: 'mutation($id: ID!) { setPoliceNotes(caseId: $id, notes: "catatan") { id } }',
    variables: (f) => ({ id: f.caseId }),
    expected: {
      ...READ,
      lead: 'FORBIDDEN',
      receiver: 'FORBIDDEN',
      receiverSupervisor: 'FORBIDDEN',
      auditor: 'FORBIDDEN',
    },
  },
  {
    operation: 'createAgency',
    query:
      'mutation($code: String!) { createAgency(input: { code: $code, name: "Mitra Uji", kind: MITRA }) { id } }',
    variables: () => ({ code: `MITRA-${Math.random().toString(36).slice(2, 8).toUpperCase()}` }),
    expected: ADMIN_ONLY,
  },
];

describe('authorization matrix: operation × caller × party', () => {
  let app: NestFastifyApplication;
  let url: string;
  const clients = new Map<Caller, GraphqlClient>();
  let shared: Fixture;
  let units: Record<string, string>;

  async function fixture(from?: Row['from']): Promise<Fixture> {
    const { caseId, personId, referral } = await openCaseAndSend(
      app,
      await demoActor(app, CALLERS.lead),
      'BP3MI-NTT',
    );
    if (from) await advance(referral.id, from);
    const lead = clients.get('lead') as GraphqlClient;
    const { case: found } = await lead.data<{ case: { reference: string } }>(
      'query($id: ID!) { case(id: $id) { reference } }',
      { id: caseId },
    );
    return { caseId, personId, referralId: referral.id, reference: found.reference, units };
  }

  /** Brings a fresh referral to `from` through the receiver's own use cases. */
  async function advance(referralId: string, from: NonNullable<Row['from']>): Promise<void> {
    const receiver = await demoActor(app, CALLERS.receiver);
    await app.get(AcceptReferralUseCase).execute(receiver, referralId);
    if (from === 'ACCEPTED') return;
    await app.get(StartReferralUseCase).execute(receiver, referralId);
    if (from === 'ON_HOLD')
      await app.get(HoldReferralUseCase).execute(receiver, referralId, 'Ditunda');
  }

  // Timelines show sealed entries: the worker's sequencer seals them.
  let sequencer: INestApplicationContext;
  beforeAll(async () => {
    sequencer = await startLedgerSequencer();
  }, 30_000);
  afterAll(async () => {
    await sequencer?.close();
  });

  beforeAll(async () => {
    ({ app, url } = await listenGateway());
    for (const [caller, username] of Object.entries(CALLERS) as [Caller, string][]) {
      clients.set(caller, (await loginAs(url, username)).client);
    }
    const { units: list } = await (clients.get('admin') as GraphqlClient).data<{
      units: { id: string; code: string }[];
    }>('{ units { id code } }');
    units = Object.fromEntries(list.map((u) => [u.code, u.id]));
    shared = await fixture();
  });
  afterAll(async () => {
    await app.close();
  });

  const cells = MATRIX.flatMap((row) =>
    (Object.keys(CALLERS) as Caller[]).map(
      (caller) => [row.operation, caller, row.expected[caller], row] as const,
    ),
  );

  it.each(cells)('%s by %s → %s', async (_operation, caller, expected, row) => {
    const f = row.fresh ? await fixture(row.from) : shared;
    const response = await (clients.get(caller) as GraphqlClient).request(
      row.query,
      row.variables(f),
    );
    const outcome = response.errors?.length ? errorCodeOf(response) : 'OK';
    expect(outcome).toBe(expected);
  });

  it('shows identities to the lead and the named receiver only', async () => {
    const query = 'query($id: ID!) { case(id: $id) { persons { fullName } } }';
    const names = async (caller: Caller) =>
      (
        await (clients.get(caller) as GraphqlClient).data<{
          case: { persons: { fullName: string | null }[] };
        }>(query, { id: shared.caseId })
      ).case.persons.map((p) => p.fullName);
    expect(await names('lead')).toEqual(['Korban Uji']);
    expect(await names('receiver')).toEqual(['Korban Uji']);
    expect(await names('receiverSupervisor')).toEqual(['Korban Uji']);
    expect(await names('auditor')).toEqual([null]);
  });

  it('lists the case only for its parties (all for the auditor)', async () => {
    const query = `query($after: String) {
      cases(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    interface Page {
      cases: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      let listed = false;
      let after: string | null = null;
      do {
        const { cases }: Page = await (clients.get(caller) as GraphqlClient).data<Page>(query, {
          after,
        });
        listed ||= cases.edges.some((e) => e.node.id === shared.caseId);
        after = cases.pageInfo.hasNextPage ? cases.pageInfo.endCursor : null;
      } while (after && !listed);
      expect([caller, listed]).toEqual([caller, READ[caller] === 'OK']);
    }
  });
});
