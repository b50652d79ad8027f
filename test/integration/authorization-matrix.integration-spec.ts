import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AlertType, RaiseAlertUseCase, Severity } from '@simpul/alert';
import { ExploitationType, OpenCaseUseCase, Sex } from '@simpul/case';
import { Role, type Actor } from '@simpul/identity';
import {
  AcceptReferralUseCase,
  HoldReferralUseCase,
  LawfulBasis,
  SendReferralUseCase,
  ServiceType,
  StartReferralUseCase,
} from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { dataSourceOf, unitId } from '../support/boot-in-process';
import { createTestOfficer } from '../support/create-test-officer';
import { errorCodeOf, type GraphqlClient, type GraphqlResponse } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';
import { loginAs } from '../support/login-as';
import { demoActor } from '../support/referral-fixtures';

/**
 * Every operation on a referral and its case, by every relation a caller can have to the
 * referral, for an ordinary and a confidential referral, against the real gateway on PostgreSQL
 * (the rule table of docs/access-model.md).
 *
 * The case is KBRI Phnom Penh's (lead). KBRI refers it to BP3MI NTT and to UPTD PPA NTT, which
 * makes both parties. The referral under test is BP3MI NTT's (sender) to RPTC Bambu Apus
 * (receiver): so the lead unit is neither side, and UPTD PPA NTT is another party of the case.
 */
const DEMO = {
  lead: 'kbri.phnompenh',
  sender: 'bp3mi.ntt',
  senderSupervisor: 'bp3mi.ntt.kepala',
  receiver: 'kemensos.rptc',
  otherParty: 'uptdppa.ntt',
  nonParty: 'lpsk',
  nonPartySupervisor: 'gugustugas.ntt',
  nonPartyPolice: 'polda.ntt',
  auditor: 'auditor',
  admin: 'admin',
} as const;
/** Supervisors the demo cast lacks: of the lead's agency (at another Kemlu unit) and the receiver's. */
const MADE = {
  leadSupervisor: { unit: 'KEMLU-PWNI' },
  receiverSupervisor: { unit: 'RPTC-BAMBUAPUS' },
} as const;
type Caller = keyof typeof DEMO | keyof typeof MADE;
const CALLERS = [...Object.keys(DEMO), ...Object.keys(MADE)] as Caller[];

type Outcome =
  'OK' | 'FULL' | 'RESTRICTED' | 'ABSENT' | 'LISTED' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

/** Text only the referral's full view carries. */
const SUMMARY = 'Penampungan sementara — isi rahasia rujukan';
const ACCEPT_NOTE = 'Diterima; rincian pemeriksaan terlampir';

interface Fixture {
  caseId: string;
  reference: string;
  personId: string;
  referralId: string;
  confidential: boolean;
}

interface Row {
  operation: string;
  query: string;
  variables: (f: Fixture, units: Record<string, string>) => Record<string, unknown>;
  /** Reads sort the answer into FULL / RESTRICTED / ABSENT / OK; errors give their code. */
  classify?: (response: GraphqlResponse<unknown>, f: Fixture) => Outcome;
  /** Writes get a fresh referral (in the same case) per caller, so one success cannot change another cell. */
  fresh?: 'REQUESTED' | 'ACCEPTED' | 'IN_PROGRESS' | 'ON_HOLD';
  /** Rows about the case alone run once; rows about the referral run for both flags. */
  caseOnly?: boolean;
  expected: (confidential: boolean) => Record<Caller, Outcome>;
}

const SEE_IN_FULL = [
  'lead',
  'leadSupervisor',
  'sender',
  'senderSupervisor',
  'receiver',
  'receiverSupervisor',
  'auditor',
] as const;
const NON_PARTIES = ['nonParty', 'nonPartySupervisor', 'nonPartyPolice', 'admin'] as const;

function table(
  full: Outcome,
  other: Outcome,
  nobody: Outcome,
  overrides: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> {
  const cells = Object.fromEntries([
    ...SEE_IN_FULL.map((c) => [c, full]),
    ['otherParty', other],
    ...NON_PARTIES.map((c) => [c, nobody]),
  ]) as Record<Caller, Outcome>;
  return { ...cells, ...overrides };
}

/** The referral's view: in full for its sides, the lead, their supervisors, auditors. */
const VIEW = (confidential: boolean) =>
  table('FULL', confidential ? 'NOT_FOUND' : 'RESTRICTED', 'NOT_FOUND');
/** Inside a case every party reads (the referral itself as VIEW says). */
const CASE_READ = () => table('OK', 'OK', 'NOT_FOUND');
/** In a list or timeline of the case: absent rather than NOT_FOUND for a confidential one. */
const IN_CASE = (confidential: boolean) =>
  table('FULL', confidential ? 'ABSENT' : 'RESTRICTED', 'NOT_FOUND');
/** Who may see but not act gets FORBIDDEN; who may not see gets NOT_FOUND. */
const ACTS = (side: 'sender' | 'receiver') => (confidential: boolean) =>
  table('FORBIDDEN', confidential ? 'NOT_FOUND' : 'FORBIDDEN', 'NOT_FOUND', {
    [side]: 'OK',
    [`${side}Supervisor`]: 'OK',
  });
const LEAD_ONLY = (lead: Outcome) => () =>
  table('FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', { lead, leadSupervisor: lead });

function referralOutcome(node: { summary: string; restricted: boolean } | undefined): Outcome {
  if (!node) return 'ABSENT';
  if (node.restricted) {
    expect(node.summary).toBe('');
    return 'RESTRICTED';
  }
  expect(node.summary).toBe(SUMMARY);
  return 'FULL';
}

const MATRIX: Row[] = [
  {
    operation: 'case',
    query: 'query($id: ID!) { case(id: $id) { id title } }',
    variables: (f) => ({ id: f.caseId }),
    caseOnly: true,
    expected: CASE_READ,
  },
  {
    operation: 'caseByReference',
    query: 'query($r: String!) { caseByReference(reference: $r) { id } }',
    variables: (f) => ({ r: f.reference }),
    caseOnly: true,
    expected: CASE_READ,
  },
  {
    operation: 'referral',
    query: `query($id: ID!) { referral(id: $id) {
      id summary restricted confidential services statusNote acceptedBy { id }
      events { note actor { id } }
    } }`,
    variables: (f) => ({ id: f.referralId }),
    classify: (response) => {
      const node = (
        response.data as {
          referral: {
            summary: string;
            restricted: boolean;
            services: string[];
            statusNote: string | null;
            acceptedBy: { id: string } | null;
            events: { note: string | null; actor: { id: string } | null }[];
          };
        }
      ).referral;
      if (node.restricted) {
        expect([node.services, node.statusNote, node.acceptedBy]).toEqual([[], null, null]);
        expect(node.events.every((e) => e.note === null && e.actor === null)).toBe(true);
      } else {
        expect(node.events.map((e) => e.note)).toContain(ACCEPT_NOTE);
      }
      return referralOutcome(node);
    },
    expected: VIEW,
  },
  {
    operation: 'Case.referrals',
    query: 'query($id: ID!) { case(id: $id) { referrals { id summary restricted } } }',
    variables: (f) => ({ id: f.caseId }),
    classify: (response, f) =>
      referralOutcome(
        (
          response.data as {
            case: { referrals: { id: string; summary: string; restricted: boolean }[] };
          }
        ).case.referrals.find((r) => r.id === f.referralId),
      ),
    expected: IN_CASE,
  },
  {
    operation: 'handoffTimeline',
    query:
      'query($id: ID!) { handoffTimeline(caseId: $id) { action note actor { id } referral { id } } }',
    variables: (f) => ({ id: f.caseId }),
    classify: (response, f) => timelineOutcome(response, f, 'handoffTimeline'),
    expected: IN_CASE,
  },
  {
    operation: 'Case.timeline',
    query:
      'query($id: ID!) { case(id: $id) { timeline { action note actor { id } referral { id } } } }',
    variables: (f) => ({ id: f.caseId }),
    classify: (response, f) => timelineOutcome(response, f, 'case'),
    expected: IN_CASE,
  },
  {
    operation: 'inbox',
    query: 'query { inbox(first: 100) { edges { node { id restricted } } } }',
    variables: () => ({}),
    classify: (response, f) => listed(response, f, 'inbox'),
    expected: () => table('OK', 'OK', 'OK', { receiver: 'LISTED', receiverSupervisor: 'LISTED' }),
  },
  {
    operation: 'sent',
    query: 'query { sent(first: 100) { edges { node { id restricted } } } }',
    variables: () => ({}),
    classify: (response, f) => listed(response, f, 'sent'),
    expected: () => table('OK', 'OK', 'OK', { sender: 'LISTED', senderSupervisor: 'LISTED' }),
  },
  {
    operation: 'personAccessLog',
    query: 'query($id: ID!) { personAccessLog(personId: $id) { id referral { id summary } } }',
    variables: (f) => ({ id: f.personId }),
    caseOnly: true,
    classify: (response) => {
      // Whoever reads the log sees a referral only as it may see it: ADMIN never.
      const rows = (response.data as { personAccessLog: { referral: unknown }[] }).personAccessLog;
      return rows.every((row) => row.referral === null) ? 'ABSENT' : 'OK';
    },
    expected: () =>
      table('NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', {
        lead: 'OK',
        leadSupervisor: 'OK',
        admin: 'ABSENT',
      }),
  },
  {
    operation: 'sendReferral',
    query: 'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
    variables: (f, units) => ({
      input: {
        caseId: f.caseId,
        toUnitId: units['KP2MI-PUSAT'],
        services: ['REINTEGRATION'],
        priority: 'ROUTINE',
        summary: 'Reintegrasi',
      },
    }),
    caseOnly: true,
    expected: () => table('OK', 'OK', 'NOT_FOUND', { auditor: 'FORBIDDEN' }),
  },
  ...(
    [
      ['acknowledgeReferral', 'acknowledgeReferral(id: $id) { status }', 'REQUESTED'],
      ['acceptReferral', 'acceptReferral(id: $id) { status }', 'REQUESTED'],
      ['rejectReferral', 'rejectReferral(id: $id, reason: WRONG_REGION) { status }', 'REQUESTED'],
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
  ).map(([operation, field, fresh]): Row => ({
    operation,
    query: `mutation($id: ID!) { ${field} }`,
    variables: (f) => ({ id: f.referralId }),
    fresh,
    expected: ACTS('receiver'),
  })),
  {
    operation: 'redirectReferral',
    query: 'mutation($id: ID!, $to: ID!) { redirectReferral(id: $id, toUnitId: $to) { status } }',
    variables: (f, units) => ({ id: f.referralId, to: units['KP2MI-PUSAT'] }),
    fresh: 'REQUESTED',
    expected: ACTS('receiver'),
  },
  {
    operation: 'cancelReferral',
    query: 'mutation($id: ID!) { cancelReferral(id: $id, note: "Batal") { status } }',
    variables: (f) => ({ id: f.referralId }),
    fresh: 'REQUESTED',
    expected: ACTS('sender'),
  },
  {
    operation: 'closeCase',
    query: 'mutation($id: ID!) { closeCase(id: $id, note: "Selesai") { status } }',
    variables: (f) => ({ id: f.caseId }),
    caseOnly: true,
    expected: LEAD_ONLY('CONFLICT'),
  },
  {
    operation: 'addPerson',
    query:
      'mutation($id: ID!) { addPerson(caseId: $id, input: { fullName: "Orang Baru", sex: UNKNOWN }) { id } }',
    variables: (f) => ({ id: f.caseId }),
    caseOnly: true,
    expected: LEAD_ONLY('OK'),
  },
  {
    operation: 'updatePerson',
    query:
      'mutation($id: ID!) { updatePerson(id: $id, input: { phone: "+62 811 000 111" }) { id } }',
    variables: (f) => ({ id: f.personId }),
    caseOnly: true,
    expected: LEAD_ONLY('OK'),
  },
  {
    operation: 'setPoliceNotes',
    query: 'mutation($id: ID!) { setPoliceNotes(caseId: $id, notes: "catatan") { id } }',
    variables: (f) => ({ id: f.caseId }),
    caseOnly: true,
    // No POLRI unit is a party of this case.
    expected: () => table('FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'),
  },
  {
    operation: 'createAgency',
    query:
      'mutation($code: String!) { createAgency(input: { code: $code, name: "Mitra Uji", kind: MITRA }) { id } }',
    variables: () => ({ code: `MITRA-${Math.random().toString(36).slice(2, 8).toUpperCase()}` }),
    caseOnly: true,
    expected: () => table('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', { admin: 'OK' }),
  },
];

interface TimelineEvent {
  action: string;
  note: string | null;
  actor: { id: string } | null;
  referral: { id: string } | null;
}

/** Entries of the referral: FULL with their notes, RESTRICTED without notes or actors, or ABSENT. */
function timelineOutcome(
  response: GraphqlResponse<unknown>,
  f: Fixture,
  root: 'handoffTimeline' | 'case',
): Outcome {
  const data = response.data as {
    handoffTimeline?: TimelineEvent[];
    case?: { timeline: TimelineEvent[] };
  };
  const events = (root === 'case' ? data.case?.timeline : data.handoffTimeline) ?? [];
  const ofIt = events.filter((e) => e.referral?.id === f.referralId);
  // An entry shown without its referral link would be one the caller should not have seen.
  expect(events.filter((e) => e.action.startsWith('REFERRAL_') && !e.referral)).toEqual([]);
  if (!ofIt.length) return 'ABSENT';
  if (ofIt.some((e) => e.note === ACCEPT_NOTE)) return 'FULL';
  expect(ofIt.every((e) => e.note === null && e.actor === null)).toBe(true);
  return 'RESTRICTED';
}

function listed(response: GraphqlResponse<unknown>, f: Fixture, root: 'inbox' | 'sent'): Outcome {
  const edges = (
    response.data as Record<string, { edges: { node: { id: string; restricted: boolean } }[] }>
  )[root].edges;
  const node = edges.find((e) => e.node.id === f.referralId)?.node;
  if (node) expect(node.restricted).toBe(false);
  return node ? 'LISTED' : 'OK';
}

/*
 * Alerts (docs/access-model.md, "Alerts"): Polda NTT raises one in NTT, which routing sends to
 * POLDA-NTT, BP3MI-NTT, UPTDPPA-NTT and GT-NTT. So among the callers above the raiser and the
 * receivers (and BP3MI's supervisor) see it in full, the auditor without its text, everyone else —
 * ADMIN included — not at all.
 */
const ALERT_SUMMARY = 'Peringatan uji — isi rahasia kepolisian';
const ALERT_UNITS = [
  'nonPartyPolice',
  'sender',
  'senderSupervisor',
  'otherParty',
  'nonPartySupervisor',
] as const;
/** Parties of the matrix's case (KBRI's lead, BP3MI and UPTD PPA NTT, RPTC). */
const CASE_PARTIES = [
  'lead',
  'leadSupervisor',
  'sender',
  'senderSupervisor',
  'receiver',
  'receiverSupervisor',
  'otherParty',
] as const;

function alertTable(
  units: Outcome,
  auditor: Outcome,
  others: Outcome,
  overrides: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> {
  const cells = Object.fromEntries(
    CALLERS.map((c) => [c, (ALERT_UNITS as readonly string[]).includes(c) ? units : others]),
  ) as Record<Caller, Outcome>;
  return { ...cells, auditor, admin: others, ...overrides };
}

interface AlertRow {
  operation: string;
  query: string;
  variables: (alertId: string, caseId: string) => Record<string, unknown>;
  classify?: (response: GraphqlResponse<unknown>, alertId: string) => Outcome;
  expected: Record<Caller, Outcome>;
}

function alertOutcome(node: { summary: string; restricted: boolean } | undefined): Outcome {
  if (!node) return 'ABSENT';
  if (node.restricted) {
    expect(node.summary).toBe('');
    return 'RESTRICTED';
  }
  expect(node.summary).toBe(ALERT_SUMMARY);
  return 'FULL';
}

/** Who sees an alert but may not act (auditor, ADMIN) is refused at the door: FORBIDDEN. */
const ALERT_ACTS = alertTable('OK', 'FORBIDDEN', 'NOT_FOUND', { admin: 'FORBIDDEN' });

const ALERT_MATRIX: AlertRow[] = [
  {
    operation: 'alert',
    query: 'query($id: ID!) { alert(id: $id) { id summary restricted } }',
    variables: (id) => ({ id }),
    classify: (r) =>
      alertOutcome((r.data as { alert: { summary: string; restricted: boolean } }).alert),
    expected: alertTable('FULL', 'RESTRICTED', 'NOT_FOUND'),
  },
  {
    operation: 'alerts',
    query: 'query { alerts(first: 20) { edges { node { id summary restricted } } } }',
    variables: () => ({}),
    classify: (r, id) =>
      alertOutcome(
        (
          r.data as {
            alerts: { edges: { node: { id: string; summary: string; restricted: boolean } }[] };
          }
        ).alerts.edges.find((e) => e.node.id === id)?.node,
      ),
    expected: alertTable('FULL', 'RESTRICTED', 'ABSENT'),
  },
  {
    operation: 'acknowledgeAlert',
    query: 'mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }',
    variables: (id) => ({ id }),
    expected: ALERT_ACTS,
  },
  {
    operation: 'acknowledgeAlertEscalation',
    query: 'mutation($id: ID!) { acknowledgeAlertEscalation(id: $id) { level } }',
    variables: (id) => ({ id }),
    // Only for a unit the alert escalated to (ESCALATED_TO below); the raising and receiving
    // units see the alert and are refused, everyone else does not see it.
    expected: alertTable('FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', { admin: 'FORBIDDEN' }),
  },
  {
    operation: 'resolveAlert',
    query: 'mutation($id: ID!) { resolveAlert(id: $id, note: "Selesai") { id } }',
    variables: (id) => ({ id }),
    expected: ALERT_ACTS,
  },
  {
    operation: 'dismissAlert',
    query: 'mutation($id: ID!) { dismissAlert(id: $id, note: "Ganda", reason: DUPLICATE) { id } }',
    variables: (id) => ({ id }),
    expected: ALERT_ACTS,
  },
  {
    operation: 'promoteAlertToCase',
    query:
      'mutation($id: ID!) { promoteAlertToCase(id: $id, input: { title: "Dari peringatan" }) { id } }',
    variables: (id) => ({ id }),
    expected: ALERT_ACTS,
  },
  {
    operation: 'linkAlertToCase',
    query: 'mutation($id: ID!, $caseId: ID!) { linkAlertToCase(id: $id, caseId: $caseId) { id } }',
    variables: (id, caseId) => ({ id, caseId }),
    // Seeing the alert is not enough: the caller's unit must be a party of the case too.
    expected: alertTable('NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', {
      admin: 'FORBIDDEN',
      sender: 'OK',
      senderSupervisor: 'OK',
      otherParty: 'OK',
    }),
  },
  {
    operation: 'raiseAlert',
    query: 'mutation { raiseAlert(input: { type: OTHER, severity: LOW, summary: "Uji" }) { id } }',
    variables: () => ({}),
    expected: alertTable('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', { nonPartyPolice: 'OK' }),
  },
  {
    operation: 'raiseAlert about a case',
    query:
      'mutation($caseId: ID!) { raiseAlert(input: { type: OTHER, severity: LOW, summary: "Uji", caseId: $caseId }) { id } }',
    variables: (_id, caseId) => ({ caseId }),
    expected: {
      ...alertTable('NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', { admin: 'FORBIDDEN' }),
      ...Object.fromEntries(CASE_PARTIES.map((c) => [c, 'OK'])),
    },
  },
  {
    operation: 'previewAlertRouting',
    query:
      'query { previewAlertRouting(input: { type: SUSPECTED_TRAFFICKING, severity: LOW, regionCode: "53" }) { code } }',
    variables: () => ({}),
    expected: alertTable('OK', 'FORBIDDEN', 'OK'),
  },
  {
    operation: 'alertRoutingRules',
    query: 'query { alertRoutingRules { id } }',
    variables: () => ({}),
    expected: alertTable('FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', { admin: 'OK' }),
  },
];

/**
 * A unit the alert reached only by escalating (docs/access-model.md, "Alerts"): a desk officer of
 * POLRI-PPAPPO (Bareskrim), the head unit POLDA-NTT's ladder names at level 2, and no party of
 * the matrix's case. It reads the alert as a
 * receiving unit does and acknowledges it by its escalation; closing, linking and promoting stay
 * with the raising and receiving units. The escalation is written as AlertTimerHandler writes it;
 * test/integration/alert-escalation-access.integration-spec.ts drives the real ladder.
 */
const ESCALATED_TO: Record<string, Outcome> = {
  alert: 'FULL',
  alerts: 'FULL',
  acknowledgeAlert: 'FORBIDDEN',
  acknowledgeAlertEscalation: 'OK',
  resolveAlert: 'FORBIDDEN',
  dismissAlert: 'FORBIDDEN',
  promoteAlertToCase: 'FORBIDDEN',
  linkAlertToCase: 'FORBIDDEN',
  raiseAlert: 'FORBIDDEN',
  'raiseAlert about a case': 'NOT_FOUND',
  previewAlertRouting: 'OK',
  alertRoutingRules: 'FORBIDDEN',
};

describe('authorization matrix: operation × caller × relation to the referral × confidential', () => {
  let app: NestFastifyApplication;
  let url: string;
  const clients = new Map<Caller, GraphqlClient>();
  const actors = new Map<Caller, Actor>();
  const shared = new Map<boolean, Fixture>();
  let units: Record<string, string>;

  /** The case with its two other referrals; the referral under test is sent by `referral()`. */
  async function openTheCase(): Promise<Omit<Fixture, 'referralId' | 'confidential'>> {
    const lead = actors.get('lead') as Actor;
    const opened = await app.get(OpenCaseUseCase).execute(lead, {
      title: 'Pekerja migran di pusat penipuan daring',
      exploitationTypes: [ExploitationType.ONLINE_SCAM],
      persons: [{ fullName: 'Korban Uji', sex: Sex.FEMALE, birthDate: '1998-04-01' }],
    });
    const [person]: { id: string }[] = await dataSourceOf(app).query(
      'SELECT id FROM person WHERE case_id = $1',
      [opened.id],
    );
    const send = app.get(SendReferralUseCase);
    await send.execute(lead, {
      caseId: opened.id,
      toUnitId: units['BP3MI-NTT'],
      services: [ServiceType.REPATRIATION],
      priority: Priority.URGENT,
      summary: 'Mohon pemulangan',
      personIds: [person.id],
      lawfulBasis: { basis: LawfulBasis.VITAL_INTEREST },
    });
    await send.execute(lead, {
      caseId: opened.id,
      toUnitId: units['UPTDPPA-NTT'],
      services: [ServiceType.SHELTER],
      priority: Priority.ROUTINE,
      summary: 'Penampungan',
    });
    // The sender passes the victim's identity on: it holds it through KBRI's referral.
    return { caseId: opened.id, reference: opened.reference, personId: person.id };
  }

  /** BP3MI NTT's referral to RPTC Bambu Apus, brought to `to` by the receiver's own use cases. */
  async function referral(
    base: Omit<Fixture, 'referralId' | 'confidential'>,
    confidential: boolean,
    to: NonNullable<Row['fresh']>,
  ): Promise<Fixture> {
    const sent = await app.get(SendReferralUseCase).execute(actors.get('sender') as Actor, {
      caseId: base.caseId,
      toUnitId: units['RPTC-BAMBUAPUS'],
      services: [ServiceType.SHELTER],
      priority: Priority.URGENT,
      summary: SUMMARY,
      personIds: [base.personId],
      lawfulBasis: { basis: LawfulBasis.VITAL_INTEREST },
      confidential,
    });
    expect(sent.confidential).toBe(confidential);
    const receiver = actors.get('receiver') as Actor;
    if (to !== 'REQUESTED') {
      await app.get(AcceptReferralUseCase).execute(receiver, sent.id, ACCEPT_NOTE);
    }
    if (to === 'IN_PROGRESS' || to === 'ON_HOLD') {
      await app.get(StartReferralUseCase).execute(receiver, sent.id);
    }
    if (to === 'ON_HOLD') await app.get(HoldReferralUseCase).execute(receiver, sent.id, 'Ditunda');
    return { ...base, referralId: sent.id, confidential };
  }

  const cases = new Map<boolean, Omit<Fixture, 'referralId' | 'confidential'>>();

  // Timelines show sealed entries: the worker's sequencer seals them.
  let sequencer: INestApplicationContext;
  beforeAll(async () => {
    sequencer = await startLedgerSequencer();
  }, 30_000);
  afterAll(async () => {
    await sequencer?.close();
  });

  beforeAll(async () => {
    ({ app, url } = await listenGateway({
      RATE_LIMIT_OFFICER_RPM: '0',
      RATE_LIMIT_ADDRESS_RPM: '0',
    }));
    const dataSource = dataSourceOf(app);
    units = {};
    for (const code of ['BP3MI-NTT', 'UPTDPPA-NTT', 'RPTC-BAMBUAPUS', 'KP2MI-PUSAT']) {
      units[code] = await unitId(dataSource, code);
    }
    for (const [caller, username] of Object.entries(DEMO) as [Caller, string][]) {
      clients.set(caller, (await loginAs(url, username)).client);
      actors.set(caller, await demoActor(app, username));
    }
    for (const [caller, { unit }] of Object.entries(MADE) as [Caller, { unit: string }][]) {
      const officer = await createTestOfficer(app, unit, [Role.SUPERVISOR]);
      clients.set(caller, (await loginAs(url, officer.username, officer.password)).client);
      actors.set(caller, await demoActor(app, officer.username));
    }
    for (const confidential of [false, true]) {
      const base = await openTheCase();
      cases.set(confidential, base);
      shared.set(confidential, await referral(base, confidential, 'ACCEPTED'));
    }
    await waitForLedgerSealed(dataSourceOf(app));
    // The lead reads the person once, so that its access log has a row.
    await (clients.get('lead') as GraphqlClient).data(
      'query($id: ID!) { case(id: $id) { persons { fullName } } }',
      { id: shared.get(false)?.caseId },
    );
    await (clients.get('receiver') as GraphqlClient).data(
      'query($id: ID!) { case(id: $id) { persons { fullName } } }',
      { id: shared.get(false)?.caseId },
    );
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  const cells = MATRIX.flatMap((row) =>
    (row.caseOnly ? [false] : [false, true]).flatMap((confidential) =>
      CALLERS.map(
        (caller) =>
          [
            row.operation,
            caller,
            confidential ? 'a confidential' : 'an ordinary',
            row.expected(confidential)[caller],
            row,
            confidential,
          ] as const,
      ),
    ),
  );

  it.each(cells)(
    '%s by %s on %s referral → %s',
    async (_operation, caller, _kind, expected, row, confidential) => {
      const f = row.fresh
        ? await referral(cases.get(confidential) as Fixture, confidential, row.fresh)
        : (shared.get(confidential) as Fixture);
      const response = await (clients.get(caller) as GraphqlClient).request(
        row.query,
        row.variables(f, units),
      );
      const outcome = response.errors?.length
        ? errorCodeOf(response)
        : row.classify
          ? row.classify(response, f)
          : 'OK';
      expect(outcome).toBe(expected);
    },
    30_000,
  );

  it('shows identities to the lead and the receivers that were named, never to the auditor', async () => {
    const query = 'query($id: ID!) { case(id: $id) { persons { label fullName } } }';
    const names = async (caller: Caller) =>
      (
        await (clients.get(caller) as GraphqlClient).data<{
          case: { persons: { label: string; fullName: string | null }[] };
        }>(query, { id: shared.get(false)?.caseId })
      ).case.persons.find((p) => p.label === 'Korban 1')?.fullName;
    expect(await names('lead')).toBe('Korban Uji');
    expect(await names('sender')).toBe('Korban Uji');
    expect(await names('receiver')).toBe('Korban Uji');
    expect(await names('receiverSupervisor')).toBe('Korban Uji');
    expect(await names('otherParty')).toBeNull();
    expect(await names('auditor')).toBeNull();
  }, 30_000);

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
    const caseId = shared.get(false)?.caseId;
    for (const caller of CALLERS) {
      let listedHere = false;
      let after: string | null = null;
      do {
        const { cases: page }: Page = await (clients.get(caller) as GraphqlClient).data<Page>(
          query,
          { after },
        );
        listedHere ||= page.edges.some((e) => e.node.id === caseId);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after && !listedHere);
      expect([caller, listedHere]).toEqual([caller, CASE_READ()[caller] === 'OK']);
    }
  }, 60_000);

  const alertCells = ALERT_MATRIX.flatMap((row) =>
    CALLERS.map((caller) => [row.operation, caller, row.expected[caller], row] as const),
  );

  it.each(alertCells)(
    'alert: %s by %s → %s',
    async (_operation, caller, expected, row) => {
      // A fresh alert per cell, so that one success (an acknowledgement, a dismissal) cannot change another.
      const alert = await app
        .get(RaiseAlertUseCase)
        .execute(actors.get('nonPartyPolice') as Actor, {
          type: AlertType.SUSPECTED_TRAFFICKING,
          severity: Severity.MEDIUM,
          summary: ALERT_SUMMARY,
          regionCode: '53',
        });
      const response = await (clients.get(caller) as GraphqlClient).request(
        row.query,
        row.variables(alert.id, shared.get(false)?.caseId as string),
      );
      const outcome = response.errors?.length
        ? errorCodeOf(response)
        : row.classify
          ? row.classify(response, alert.id)
          : 'OK';
      expect(outcome).toBe(expected);
    },
    30_000,
  );

  it('has an expectation for the unit an alert escalated to on every alert operation', () => {
    expect(Object.keys(ESCALATED_TO).sort()).toEqual(ALERT_MATRIX.map((r) => r.operation).sort());
  });

  it.each(ALERT_MATRIX.map((row) => [row.operation, ESCALATED_TO[row.operation], row] as const))(
    'alert: %s by a unit it escalated to → %s',
    async (_operation, expected, row) => {
      const alert = await app
        .get(RaiseAlertUseCase)
        .execute(actors.get('nonPartyPolice') as Actor, {
          type: AlertType.SUSPECTED_TRAFFICKING,
          severity: Severity.MEDIUM,
          summary: ALERT_SUMMARY,
          regionCode: '53',
        });
      const headUnit = await createTestOfficer(app, 'POLRI-PPAPPO', [Role.DESK_OFFICER]);
      const client = (await loginAs(url, headUnit.username, headUnit.password)).client;
      // Not before it escalated there.
      const before = await client.request(row.query, row.variables(alert.id, caseOfMatrix()));
      if (row.operation === 'alert') expect(errorCodeOf(before)).toBe('NOT_FOUND');
      await dataSourceOf(app).query(
        `INSERT INTO alert_escalation (alert_id, unit_id, level, escalated_at)
         VALUES ($1, $2, 2, now())`,
        [alert.id, await unitId(dataSourceOf(app), 'POLRI-PPAPPO')],
      );
      const response = await client.request(row.query, row.variables(alert.id, caseOfMatrix()));
      const outcome = response.errors?.length
        ? errorCodeOf(response)
        : row.classify
          ? row.classify(response, alert.id)
          : 'OK';
      expect(outcome).toBe(expected);
    },
    30_000,
  );

  const caseOfMatrix = () => shared.get(false)?.caseId as string;
});
