import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { ExploitationType, OpenCaseUseCase, Sex } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import {
  AcceptReferralUseCase,
  AcknowledgeReferralUseCase,
  HoldReferralUseCase,
  LawfulBasis,
  RedirectReferralUseCase,
  RejectReferralUseCase,
  RejectionReason,
  SendReferralUseCase,
  ServiceType,
  StartReferralUseCase,
  type ReferralEntity,
} from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { bootWorker, dataSourceOf, unitId } from '../support/boot-in-process';
import { waitForLedgerSealed } from '../support/start-ledger-sequencer';
import type { GraphqlResponse } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { loginAs, type Session } from '../support/login-as';
import { demoActor } from '../support/referral-fixtures';
import {
  argumentSets,
  operationFor,
  reachingTypes,
  rootFieldsReaching,
  selectionFor,
  type Walk,
} from '../support/schema-paths';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';

/**
 * Defence in depth, walked: from every root field of the served schema (introspected, so a new
 * field is walked without editing this test) along every trail of fields that leads to Case or
 * Referral (every trail of up to MAX_EDGES links), each caller below gets only what
 * docs/access-model.md lets it see. Queries, mutations and the unitEvents subscription alike.
 *
 * One case, led by KBRI Phnom Penh, holds:
 * - R1: KBRI → Polda NTT, INVESTIGATION (confidential by default), redirected by Polda NTT to
 *   Bareskrim PPA-PPO as R1c (confidential kept), which accepted it;
 * - R2: KBRI → Dit. PWNI, ordinary, naming the victim, redirected by Dit. PWNI to KP2MI as R2c,
 *   which accepted, started and put it on hold;
 * - R3: KBRI → UPTD PPA NTT (the shelter), ordinary, acknowledged;
 * - R5: KBRI → RPTC Bambu Apus, marked confidential by its sender, rejected;
 * - police notes written by Polda NTT.
 * Every text in it is a unique marker; each caller's answers are searched for the markers, ids and
 * numbers it may not see, and every Referral object in them is checked against the caller's view.
 */

/**
 * Links followed after the root field. Three reach every link to a Case or Referral from every
 * root (asserted below), and each link checks the caller on its own, whatever led to it. The
 * production depth limit (8) allows six: `WALK_EDGES=6` walks all of them, slowly.
 */
const MAX_EDGES = Number(process.env.WALK_EDGES ?? 3);

interface Referrals {
  R1: ReferralEntity;
  R1c: ReferralEntity;
  R2: ReferralEntity;
  R2c: ReferralEntity;
  R3: ReferralEntity;
  R5: ReferralEntity;
}
type Name = keyof Referrals;

interface Probe {
  username: string;
  /** Referrals it sees in full, restricted; all others it must not see at all. */
  full: Name[];
  restricted: Name[];
  /** A party of the case (reads title and summary); non-parties learn nothing of it. */
  party: boolean;
  /** Reads the police notes (a POLRI party). */
  police: boolean;
  /** Holds the victim's identity (lead, or receiver of an open referral naming her). */
  identity: boolean;
}

const PROBES: Probe[] = [
  ...['lpsk', 'admin'].map((username) => ({
    username,
    full: [],
    restricted: [],
    party: false,
    police: false,
    identity: false,
  })),
  // The shelter that got one referral: the police referrals are invisible, Dit. PWNI's restricted.
  {
    username: 'uptdppa.ntt',
    full: ['R3'],
    restricted: ['R2', 'R2c'],
    party: true,
    police: false,
    identity: false,
  },
  // Redirected R2 away: R2c (and what happens to it) is no longer its business in detail, and the
  // victim's identity no longer its to read.
  {
    username: 'kemlu.pwni',
    full: ['R2'],
    restricted: ['R2c', 'R3'],
    party: true,
    police: false,
    identity: false,
  },
  // Got R1c by redirect: the original R1 of Polda NTT stays invisible to it.
  {
    username: 'polri.ppo',
    full: ['R1c'],
    restricted: ['R2', 'R2c', 'R3'],
    party: true,
    police: true,
    identity: true,
  },
];

const tag = randomUUID().slice(0, 8);
const ROOTS = ['Query', 'Mutation', 'Subscription'];

const MARK = {
  caseTitle: `CASETITLE${tag}`,
  caseSummary: `CASESUMMARY${tag}`,
  victimName: `VICTIMNAME${tag}`,
  victimNik: `3171${tag.replace(/[a-f]/g, '7')}0001`.slice(0, 16),
  r1Summary: `R1SUMMARY${tag}`,
  r1Redirect: `R1REDIRECT${tag}`,
  r1cAccept: `R1CACCEPT${tag}`,
  r2Summary: `R2SUMMARY${tag}`,
  r2Redirect: `R2REDIRECT${tag}`,
  r2cAccept: `R2CACCEPT${tag}`,
  r2cHold: `R2CHOLD${tag}`,
  r3Summary: `R3SUMMARY${tag}`,
  r5Summary: `R5SUMMARY${tag}`,
  r5Reject: `R5REJECT${tag}`,
  policeNotes: `POLICENOTES${tag}`,
};
/** Markers each referral's full view shows (a redirect copies the summary). */
const CONTENT: Record<Name, string[]> = {
  R1: [MARK.r1Summary, MARK.r1Redirect],
  R1c: [MARK.r1Summary, MARK.r1cAccept],
  R2: [MARK.r2Summary, MARK.r2Redirect],
  R2c: [MARK.r2Summary, MARK.r2cAccept, MARK.r2cHold],
  R3: [MARK.r3Summary],
  R5: [MARK.r5Summary, MARK.r5Reject],
};
const NAMES = Object.keys(CONTENT) as Name[];

describe('every path to a Case or Referral applies the caller’s right to it', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let url: string;
  let schema: GraphQLSchema;
  let referrals: Referrals;
  let caseId: string;
  let caseReference: string;
  let personId: string;
  const sessions = new Map<string, Session>();
  const walk: Walk = { reaching: new Set(), edges: new Set() };

  beforeAll(async () => {
    ({ app, url } = await listenGateway({
      GRAPHQL_MAX_DEPTH: '64',
      GRAPHQL_MAX_ALIASES: '1000',
      GRAPHQL_MAX_TOKENS: '100000',
      GRAPHQL_MAX_COST: '10000000',
      RATE_LIMIT_OFFICER_RPM: '0',
      RATE_LIMIT_ADDRESS_RPM: '0',
    }));
    worker = await bootWorker();
    schema = app.get(GraphQLSchemaHost).schema;
    walk.reaching = reachingTypes(schema, ['Case', 'Referral']);
    await buildTheCase();
    // Timelines show sealed entries: the worker's sequencer seals them.
    await waitForLedgerSealed(dataSourceOf(app));
    for (const probe of PROBES) sessions.set(probe.username, await loginAs(url, probe.username));
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  async function buildTheCase(): Promise<void> {
    const ds = dataSourceOf(app);
    const actor = (username: string): Promise<Actor> => demoActor(app, username);
    const unit = (code: string) => unitId(ds, code);
    const [kbri, polda, pwni, kp2mi, ppo, shelter, rptc] = await Promise.all(
      [
        'kbri.phnompenh',
        'polda.ntt',
        'kemlu.pwni',
        'kp2mi.pusat',
        'polri.ppo',
        'uptdppa.ntt',
        'kemensos.rptc',
      ].map(actor),
    );
    const opened = await app.get(OpenCaseUseCase).execute(kbri, {
      title: MARK.caseTitle,
      summary: MARK.caseSummary,
      exploitationTypes: [ExploitationType.ONLINE_SCAM],
      persons: [{ fullName: MARK.victimName, sex: Sex.FEMALE, nationalId: MARK.victimNik }],
    });
    caseId = opened.id;
    caseReference = opened.reference;
    [{ id: personId }] = await ds.query<{ id: string }[]>(
      'SELECT id FROM person WHERE case_id = $1',
      [caseId],
    );
    const send = (summary: string, to: string, services: ServiceType[], extra = {}) =>
      unit(to).then((toUnitId) =>
        app.get(SendReferralUseCase).execute(kbri, {
          caseId,
          toUnitId,
          services,
          priority: Priority.URGENT,
          summary,
          ...extra,
        }),
      );
    const R1 = await send(MARK.r1Summary, 'POLDA-NTT', [ServiceType.INVESTIGATION], {
      personIds: [personId],
      lawfulBasis: { basis: LawfulBasis.LEGAL_OBLIGATION },
    });
    const R1c = await app
      .get(RedirectReferralUseCase)
      .execute(polda, R1.id, await unit('POLRI-PPAPPO'), MARK.r1Redirect);
    await app.get(AcceptReferralUseCase).execute(ppo, R1c.id, MARK.r1cAccept);
    const R2 = await send(MARK.r2Summary, 'KEMLU-PWNI', [ServiceType.REPATRIATION], {
      personIds: [personId],
      lawfulBasis: { basis: LawfulBasis.VITAL_INTEREST },
    });
    const R2c = await app
      .get(RedirectReferralUseCase)
      .execute(pwni, R2.id, await unit('KP2MI-PUSAT'), MARK.r2Redirect);
    await app.get(AcceptReferralUseCase).execute(kp2mi, R2c.id, MARK.r2cAccept);
    await app.get(StartReferralUseCase).execute(kp2mi, R2c.id);
    await app.get(HoldReferralUseCase).execute(kp2mi, R2c.id, MARK.r2cHold);
    const R3 = await send(MARK.r3Summary, 'UPTDPPA-NTT', [ServiceType.SHELTER]);
    await app.get(AcknowledgeReferralUseCase).execute(shelter, R3.id);
    const R5 = await send(MARK.r5Summary, 'RPTC-BAMBUAPUS', [ServiceType.PSYCHOSOCIAL], {
      confidential: true,
    });
    await app
      .get(RejectReferralUseCase)
      .execute(rptc, R5.id, RejectionReason.NO_CAPACITY, MARK.r5Reject);
    const policeNotes = await loginAs(url, 'polda.ntt');
    await policeNotes.client.data(
      'mutation($id: ID!, $n: String) { setPoliceNotes(caseId: $id, notes: $n) { id } }',
      {
        id: caseId,
        n: MARK.policeNotes,
      },
    );
    const reread = async (r: ReferralEntity) =>
      (
        await ds.query<ReferralEntity[]>(
          'SELECT id, reference, confidential FROM referral WHERE id = $1',
          [r.id],
        )
      )[0];
    referrals = {
      R1: await reread(R1),
      R1c: await reread(R1c),
      R2: await reread(R2),
      R2c: await reread(R2c),
      R3: await reread(R3),
      R5: await reread(R5),
    };
    // The defaults and the redirect rule, as the fixture relies on them.
    expect(NAMES.map((n) => [n, referrals[n].confidential])).toEqual([
      ['R1', true],
      ['R1c', true],
      ['R2', false],
      ['R2c', false],
      ['R3', false],
      ['R5', true],
    ]);
  }

  /** What `probe` must never receive: markers, ids and numbers beyond its view. */
  function forbiddenFor(probe: Probe): string[] {
    const allowed = new Set(probe.full.flatMap((n) => CONTENT[n]));
    if (probe.party) [MARK.caseTitle, MARK.caseSummary].forEach((m) => allowed.add(m));
    if (probe.police) allowed.add(MARK.policeNotes);
    if (probe.identity) [MARK.victimName, MARK.victimNik].forEach((m) => allowed.add(m));
    const seen = new Set([...probe.full, ...probe.restricted]);
    return [
      ...Object.values(MARK).filter((m) => !allowed.has(m)),
      ...NAMES.filter((n) => !seen.has(n)).flatMap((n) => [
        referrals[n].id,
        referrals[n].reference,
      ]),
      ...(probe.party ? [] : [caseId, caseReference, personId]),
    ];
  }

  /** Problems in one answer: forbidden text anywhere, Referral objects beyond the caller's view. */
  function problemsIn(probe: Probe, where: string, body: unknown): string[] {
    const problems: string[] = [];
    const text = JSON.stringify(body);
    for (const secret of forbiddenFor(probe)) {
      if (text.includes(secret)) problems.push(`${where}: shows ${secret}`);
    }
    const restrictedIds = new Set(probe.restricted.map((n) => referrals[n].id));
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}.${i}`));
      if (!value || typeof value !== 'object') return;
      const object = value as Record<string, unknown>;
      if (object.__typename === 'Referral' && restrictedIds.has(object.id as string)) {
        const blanks = {
          restricted: true,
          summary: '',
          services: [],
          statusNote: null,
          outcome: null,
          rejectionReason: null,
          lawfulBasis: null,
          acceptedBy: null,
        };
        for (const [field, blank] of Object.entries(blanks)) {
          if (field in object && JSON.stringify(object[field]) !== JSON.stringify(blank)) {
            problems.push(`${where} ${path}.${field}: ${JSON.stringify(object[field])}`);
          }
        }
        for (const event of (object.events as Record<string, unknown>[] | undefined) ?? []) {
          if (event.note != null || event.actor != null) {
            problems.push(`${where} ${path}.events: note or actor of a restricted referral`);
          }
        }
      }
      if (
        object.__typename === 'HandoffEvent' &&
        object.action === 'POLICE_NOTES_UPDATED' &&
        !probe.police &&
        probe.username !== 'auditor' &&
        // ADMIN pages the whole ledger (auditEntries: that a case's police notes changed, never
        // the notes); anywhere else the entry stays for the police and the auditor.
        !(probe.username === 'admin' && path.startsWith('.data.auditEntries.'))
      ) {
        problems.push(`${where} ${path}: a police-notes entry`);
      }
      for (const [key, inner] of Object.entries(object)) visit(inner, `${path}.${key}`);
    };
    visit(body, '');
    const internal = (body as GraphqlResponse<unknown>).errors?.filter(
      (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR',
    );
    if (internal?.length) problems.push(`${where}: INTERNAL_SERVER_ERROR ${internal[0].message}`);
    return problems;
  }

  /**
   * Ids of the case, its person and its referrals for every ID argument. Reads also try the case
   * number and the victim's NIK (to find them); writes get a plain word only, so that no probe
   * writes a marker into the case and then finds it.
   */
  const candidates = (root: 'query' | 'mutation') => ({
    ID: [caseId, personId, ...NAMES.map((n) => referrals[n].id)],
    String: root === 'query' ? ['walk', caseReference, MARK.victimNik] : ['walk'],
  });

  function operations(roots: ('query' | 'mutation')[]) {
    return rootFieldsReaching(schema, walk)
      .filter(({ root }) => (roots as string[]).includes(root))
      .flatMap(({ root, field }) => {
        const named = getNamedType(field.type);
        const selection = isObjectType(named) ? selectionFor(named, walk, MAX_EDGES) : '';
        return argumentSets(field, candidates(root as 'query' | 'mutation')).map((args) => ({
          name: `${root} ${field.name}(${Object.keys(args).join(', ')})`,
          ...operationFor(root as 'query' | 'mutation', field, args, selection),
        }));
      });
  }

  async function walkAs(probe: Probe, roots: ('query' | 'mutation')[]): Promise<string[]> {
    const client = (sessions.get(probe.username) as Session).client;
    const problems: string[] = [];
    for (const operation of operations(roots)) {
      const response = await client.request(operation.query, operation.variables);
      problems.push(...problemsIn(probe, `${probe.username} ${operation.name}`, response));
    }
    return problems;
  }

  it('walks every field that leads to a Case or Referral', () => {
    const roots = rootFieldsReaching(schema, walk).map(({ field }) => field.name);
    expect(roots).toEqual(
      expect.arrayContaining(['case', 'cases', 'referral', 'personAccessLog', 'unitEvents']),
    );
    for (const { field } of rootFieldsReaching(schema, walk)) {
      const named = getNamedType(field.type);
      if (isObjectType(named)) selectionFor(named, walk, MAX_EDGES);
    }
    // Every link between the types that lead to a case or referral is on some walked path.
    const links = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) && walk.reaching.has(type.name) && !ROOTS.includes(type.name)
        ? Object.values(type.getFields())
            .filter((f) => walk.reaching.has(getNamedType(f.type).name))
            .map((f) => `${type.name}.${f.name}`)
        : [],
    );
    expect(links.filter((link) => !walk.edges.has(link))).toEqual([]);
    expect([...walk.edges]).toEqual(
      expect.arrayContaining([
        'PersonAccess.referral',
        'Referral.case',
        'Referral.redirectedFrom',
        'Referral.redirectedTo',
        'Case.referrals',
        'Case.timeline',
        'HandoffEvent.case',
        'HandoffEvent.referral',
        'Person.case',
      ]),
    );
  });

  it('the walk finds what it looks for: the lead sees every marker', async () => {
    // The check is only worth something if the answers carry the markers where they may.
    const lead = await loginAs(url, 'kbri.phnompenh');
    const field = schema.getQueryType()?.getFields().case;
    if (!field) throw new Error('no Query.case');
    const named = getNamedType(field.type);
    if (!isObjectType(named)) throw new Error('Case is an object type');
    const { query, variables } = operationFor(
      'query',
      field,
      { id: caseId },
      selectionFor(named, walk, 3),
    );
    const text = JSON.stringify(await lead.client.request(query, variables));
    for (const marker of [
      MARK.caseTitle,
      MARK.r1Summary,
      MARK.r1Redirect,
      MARK.r1cAccept,
      MARK.r2cHold,
      MARK.r5Reject,
      MARK.victimName,
    ]) {
      expect([marker, text.includes(marker)]).toEqual([marker, true]);
    }
  }, 60_000);

  it('unitEvents carry nothing beyond the subscriber’s view', async () => {
    const field = schema.getSubscriptionType()?.getFields().unitEvents;
    if (!field) throw new Error('no Subscription.unitEvents');
    const named = getNamedType(field.type);
    if (!isObjectType(named)) throw new Error('HandoffEvent is an object type');
    const selection = selectionFor(named, walk, MAX_EDGES);
    const websocketUrl = url.replace(/^http/, 'ws');
    const streams: [Probe, UnitEventStream<Record<string, unknown>>][] = PROBES.map((probe) => [
      probe,
      subscribeToUnitEvents(
        websocketUrl,
        (sessions.get(probe.username) as Session).token,
        selection,
      ),
    ]);
    try {
      await waitForHandoffSubscribers(
        process.env.REDIS_URL as string,
        process.env.REDIS_PREFIX as string,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      // New events of this case for the shelter and for Dit. PWNI (each a side of a new referral),
      // and events of the police referral that concern neither.
      const kbri = await demoActor(app, 'kbri.phnompenh');
      const ds = dataSourceOf(app);
      const send = app.get(SendReferralUseCase);
      const toShelter = await send.execute(kbri, {
        caseId,
        toUnitId: await unitId(ds, 'UPTDPPA-NTT'),
        services: [ServiceType.MEDICAL],
        priority: Priority.URGENT,
        summary: 'Pemeriksaan kesehatan',
      });
      const toPwni = await send.execute(kbri, {
        caseId,
        toUnitId: await unitId(ds, 'KEMLU-PWNI'),
        services: [ServiceType.DOCUMENTATION],
        priority: Priority.URGENT,
        summary: 'Dokumen perjalanan',
      });
      const ppo = await demoActor(app, 'polri.ppo');
      await app.get(StartReferralUseCase).execute(ppo, referrals.R1c.id);
      const delivered = (id: string) => (e: Record<string, unknown>) =>
        e.action === 'REFERRAL_DELIVERED' && (e.referral as { id?: string } | null)?.id === id;
      const [, shelterStream] = streams.find(([p]) => p.username === 'uptdppa.ntt') as [
        Probe,
        UnitEventStream<Record<string, unknown>>,
      ];
      const [, pwniStream] = streams.find(([p]) => p.username === 'kemlu.pwni') as [
        Probe,
        UnitEventStream<Record<string, unknown>>,
      ];
      const [, ppoStream] = streams.find(([p]) => p.username === 'polri.ppo') as [
        Probe,
        UnitEventStream<Record<string, unknown>>,
      ];
      await shelterStream.waitFor(delivered(toShelter.id), 30_000);
      await pwniStream.waitFor(delivered(toPwni.id), 30_000);
      await ppoStream.waitFor((e) => e.action === 'REFERRAL_STARTED', 30_000);
      // The shelter's event walks to the case and its referrals: the police referrals stay hidden.
      expect(JSON.stringify(shelterStream.events)).toContain(MARK.caseTitle);
      const problems = streams.flatMap(([probe, stream]) =>
        problemsIn(probe, `${probe.username} unitEvents`, stream.events),
      );
      expect(problems).toEqual([]);
    } finally {
      await Promise.all(streams.map(([, stream]) => stream.close()));
    }
  }, 120_000);
  it.each(PROBES.map((p) => [p.username, p] as const))(
    'queries as %s yield nothing beyond its view',
    async (_name, probe) => {
      expect(await walkAs(probe, ['query'])).toEqual([]);
    },
    600_000,
  );

  it.each(PROBES.map((p) => [p.username, p] as const))(
    'mutations as %s yield nothing beyond its view',
    async (_name, probe) => {
      expect(await walkAs(probe, ['mutation'])).toEqual([]);
    },
    600_000,
  );
});
