import { generateKeyPairSync } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import {
  LedgerSequencerModule,
  entryHash,
  GENESIS_PREV_HASH,
  inclusionRanges,
  MerkleNodeStore,
  nodesFor,
  payloadDigest,
  sha256Hex,
  treeRoot,
  inMemoryNodes,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyInclusion,
  publicKeyFromRaw,
  type HashedEntry,
  type PublishedKeys,
} from '@simpul/ledger';
import { dataSourceOf } from '../support/boot-in-process';
import { errorCodeOf } from '../support/graphql-client';
import { loginAs, type Session } from '../support/login-as';
import { demoActor as demoActorFor, openCaseAndSend } from '../support/referral-fixtures';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';
import { waitForCondition } from '../support/wait-for-condition';

interface Checkpoint {
  treeSize: string;
  rootHash: string;
  issuedAt: string;
  keyId: string;
  signature: string;
}

interface AuditPage {
  auditEntries: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        seq: string;
        prevHash: string;
        entryHash: string;
        note: string | null;
        hashed: (Omit<HashedEntry, never> & { payload: string }) | null;
      };
    }[];
  };
}

const PAGE = `query Page($after: String, $first: Int) {
  auditEntries(afterSeq: $after, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { seq prevHash entryHash note hashed {
      seq at action actor fromUnit toUnit caseId referralId alertId noteDigest payloadDigest payload } } }
  }
}`;
const ISSUE = 'mutation { issueCheckpoint { treeSize rootHash issuedAt keyId signature } }';

const hex = (h: string) => Buffer.from(h, 'hex');

describe('the ledger audit API: recomputable entries, signed checkpoints, proofs', () => {
  let gateway: RunningGateway;
  let sequencer: INestApplicationContext;
  let auditor: Session;
  let admin: Session;
  let desk: Session;

  const keysAt = async (baseUrl: string): Promise<PublishedKeys> => {
    const response = await fetch(`${baseUrl}/.well-known/simpul-ledger-keys.json`);
    expect(response.status).toBe(200);
    return (await response.json()) as PublishedKeys;
  };
  const signedBy = (checkpoint: Checkpoint, keys: PublishedKeys): boolean => {
    const key = keys.keys.find((k) => k.keyId === checkpoint.keyId);
    return (
      !!key &&
      verifyCheckpointSignature(
        { ...checkpoint, issuedAt: new Date(checkpoint.issuedAt).toISOString() },
        checkpoint.signature,
        publicKeyFromRaw(key.publicKey),
      )
    );
  };
  const issue = async (session: Session = admin): Promise<Checkpoint> =>
    (await session.client.data<{ issueCheckpoint: Checkpoint }>(ISSUE)).issueCheckpoint;

  beforeAll(async () => {
    gateway = await startHardenedGateway();
    sequencer = await startLedgerSequencer();
    auditor = await loginAs(gateway.graphqlUrl, 'auditor');
    admin = await loginAs(gateway.graphqlUrl, 'admin');
    desk = await loginAs(gateway.graphqlUrl, 'bp3mi.ntt');
    const lead = await demoActorFor(gateway.app, 'kbri.phnompenh');
    await openCaseAndSend(gateway.app, lead, 'BP3MI-NTT');
    await openCaseAndSend(gateway.app, lead, 'KEMLU-PWNI');
    await waitForLedgerSealed(dataSourceOf(gateway.app));
  }, 60_000);

  afterAll(async () => {
    await sequencer?.close();
    await gateway?.close();
  });

  it('pages the whole ledger in seq order, and every entryHash recomputes from the answer alone', async () => {
    let after: string | null = null;
    let expectedPrev = GENESIS_PREV_HASH;
    let seen = 0;
    let total = 0;
    for (;;) {
      const { auditEntries }: AuditPage = await auditor.client.data<AuditPage>(PAGE, {
        after,
        first: 7,
      });
      total = auditEntries.totalCount;
      for (const { cursor, node } of auditEntries.edges) {
        expect(cursor).toBe(node.seq);
        expect(node.seq).toBe(String(seen));
        expect(node.note).toBeNull();
        expect(node.prevHash).toBe(expectedPrev);
        const { payload, ...hashed } = node.hashed!;
        expect(payloadDigest(JSON.parse(payload) as Record<string, unknown>)).toBe(
          hashed.payloadDigest,
        );
        // Recomputed with the format's code and, independently, from the documented bytes.
        expect(entryHash(node.prevHash, hashed)).toBe(node.entryHash);
        expect(entryHashByHand(node.prevHash, hashed)).toBe(node.entryHash);
        expectedPrev = node.entryHash;
        seen++;
      }
      if (!auditEntries.pageInfo.hasNextPage) break;
      after = auditEntries.pageInfo.endCursor;
    }
    expect(seen).toBe(total);
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('shows what the hash covers to AUDITOR and ADMIN only', async () => {
    const adminPage = await admin.client.data<AuditPage>(PAGE, { first: 1 });
    expect(adminPage.auditEntries.edges[0].node.hashed?.seq).toBe('0');
    const refused = await desk.client.request(PAGE, { first: 1 });
    expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    const [caseRow]: { case_id: string }[] = await dataSourceOf(gateway.app).query(
      `SELECT e.case_id FROM ledger_entry e JOIN referral r ON r.case_id = e.case_id
         JOIN unit u ON u.id = r.to_unit_id WHERE u.code = 'BP3MI-NTT' LIMIT 1`,
    );
    const timeline = await desk.client.data<{
      handoffTimeline: { entryHash: string; hashed: unknown }[];
    }>('query($id: ID!) { handoffTimeline(caseId: $id) { entryHash hashed { seq } } }', {
      id: caseRow.case_id,
    });
    expect(timeline.handoffTimeline.length).toBeGreaterThan(0);
    for (const event of timeline.handoffTimeline) expect(event.hashed).toBeNull();
  });

  it('refuses bad pages and lets only ADMIN issue a checkpoint', async () => {
    for (const variables of [{ after: '-1' }, { after: 'x' }, { first: 0 }, { first: 501 }]) {
      expect(errorCodeOf(await auditor.client.request(PAGE, variables))).toBe('BAD_USER_INPUT');
    }
    expect(errorCodeOf(await auditor.client.request(ISSUE))).toBe('FORBIDDEN');
    expect(errorCodeOf(await desk.client.request(`{ auditCheckpoint { treeSize } }`))).toBe(
      'FORBIDDEN',
    );
  });

  it('signs checkpoints over every sealed entry, verifiable with the published key', async () => {
    const checkpoint = await issue();
    const keys = await keysAt(gateway.baseUrl);
    expect(keys.keys.filter((k) => k.status === 'current')).toHaveLength(1);
    expect(signedBy(checkpoint, keys)).toBe(true);
    expect(
      signedBy({ ...checkpoint, treeSize: String(Number(checkpoint.treeSize) - 1) }, keys),
    ).toBe(false);
    const hashes: string[] = (
      await dataSourceOf(gateway.app).query<{ entry_hash: string }[]>(
        'SELECT entry_hash FROM ledger_entry WHERE seq < $1 ORDER BY seq',
        [checkpoint.treeSize],
      )
    ).map((row) => row.entry_hash);
    expect(hashes).toHaveLength(Number(checkpoint.treeSize));
    expect(treeRoot(hashes.length, inMemoryNodes(hashes)).toString('hex')).toBe(
      checkpoint.rootHash,
    );
    const latest = await auditor.client.data<{ auditCheckpoint: Checkpoint }>(
      `{ auditCheckpoint { treeSize rootHash issuedAt keyId signature } }`,
    );
    expect(latest.auditCheckpoint).toEqual(checkpoint);
  });

  it('proves every entry included in the signed tree; a wrong leaf or seq does not verify', async () => {
    const checkpoint = await issue();
    const size = Number(checkpoint.treeSize);
    const page = await auditor.client.data<AuditPage>(PAGE, { first: 500 });
    for (const { node } of page.auditEntries.edges.slice(0, size)) {
      const { auditInclusionProof: proof } = await auditor.client.data<{
        auditInclusionProof: {
          seq: string;
          treeSize: string;
          leafHash: string;
          auditPath: string[];
        };
      }>(
        'query($s: String!) { auditInclusionProof(seq: $s) { seq treeSize leafHash auditPath } }',
        { s: node.seq },
      );
      expect(proof.treeSize).toBe(checkpoint.treeSize);
      expect(proof.leafHash).toBe(
        sha256Hex(Buffer.concat([Buffer.from([0]), hex(node.entryHash)])),
      );
      const path = proof.auditPath.map(hex);
      expect(
        verifyInclusion(Number(node.seq), size, node.entryHash, path, hex(checkpoint.rootHash)),
      ).toBe(true);
      expect(
        verifyInclusion(Number(node.seq), size, 'ab'.repeat(32), path, hex(checkpoint.rootHash)),
      ).toBe(false);
    }
    const bad = async (variables: Record<string, unknown>) =>
      errorCodeOf(
        await auditor.client.request(
          'query($s: String!, $t: String) { auditInclusionProof(seq: $s, treeSize: $t) { seq } }',
          variables,
        ),
      );
    expect(await bad({ s: checkpoint.treeSize })).toBe('BAD_USER_INPUT');
    expect(await bad({ s: '0', t: String(size + 1_000_000) })).toBe('BAD_USER_INPUT');
    expect(await bad({ s: '1', t: '1' })).toBe('BAD_USER_INPUT');
    expect(await bad({ s: 'abc' })).toBe('BAD_USER_INPUT');
    expect(await bad({ s: '01' })).toBe('BAD_USER_INPUT');
  });

  it('proves a later checkpoint extends an earlier one', async () => {
    const first = await issue();
    await openCaseAndSend(
      gateway.app,
      await demoActorFor(gateway.app, 'kbri.phnompenh'),
      'KP2MI-PUSAT',
    );
    await waitForLedgerSealed(dataSourceOf(gateway.app));
    const second = await issue();
    expect(Number(second.treeSize)).toBeGreaterThan(Number(first.treeSize));
    const { auditConsistencyProof: proof } = await auditor.client.data<{
      auditConsistencyProof: { fromSize: string; toSize: string; path: string[] };
    }>('query($f: String!) { auditConsistencyProof(fromSize: $f) { fromSize toSize path } }', {
      f: first.treeSize,
    });
    expect(proof.toSize).toBe(second.treeSize);
    const ok = (fromRoot: string) =>
      verifyConsistency(
        Number(first.treeSize),
        Number(second.treeSize),
        hex(fromRoot),
        hex(second.rootHash),
        proof.path.map(hex),
      );
    expect(ok(first.rootHash)).toBe(true);
    expect(ok('cd'.repeat(32))).toBe(false);
    const bad = (f: string, t?: string) =>
      auditor.client
        .request(
          'query($f: String!, $t: String) { auditConsistencyProof(fromSize: $f, toSize: $t) { path } }',
          { f, t },
        )
        .then(errorCodeOf);
    expect(await bad('0')).toBe('BAD_USER_INPUT');
    expect(await bad(second.treeSize, first.treeSize)).toBe('BAD_USER_INPUT');
  });

  it('reads O(log n) stored nodes by primary key for a proof, never the ledger', async () => {
    const checkpoint = await issue();
    const size = Number(checkpoint.treeSize);
    const addresses = nodesFor(inclusionRanges(Math.floor(size / 2), size));
    expect(addresses.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)) + 1);
    const { sql, params } = MerkleNodeStore.readSql(addresses);
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = await dataSourceOf(gateway.app).transaction(async (manager) => {
      // The test's tree is small: left alone, the planner may prefer reading its few pages in a
      // row (it did on a busy machine). With sequential scans priced out, what remains shows
      // whether the query can be answered by key at all — which is what a large tree needs.
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        params,
      );
    });
    const nodes = flatten(plan.Plan);
    expect(nodes.some((n) => n['Relation Name'] === 'ledger_entry')).toBe(false);
    const scans = nodes.filter((n) => n['Relation Name'] === 'merkle_node');
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      // A sequential scan of merkle_node would read ~2n rows; the plan reads by key.
      expect(scan['Node Type']).not.toBe('Seq Scan');
    }
    expect(plan.Plan['Actual Rows']).toBe(addresses.length);
  });

  it('the worker signs a checkpoint by itself every CHECKPOINT_EVERY_ENTRIES entries', async () => {
    const before = await issue();
    const saved = process.env.CHECKPOINT_EVERY_ENTRIES;
    process.env.CHECKPOINT_EVERY_ENTRIES = '2';
    // A second worker's ledger part: its sequencer stands by, its checkpointer signs eagerly.
    const eager = await startWorkerLedger().finally(() => {
      if (saved === undefined) delete process.env.CHECKPOINT_EVERY_ENTRIES;
      else process.env.CHECKPOINT_EVERY_ENTRIES = saved;
    });
    try {
      await openCaseAndSend(
        gateway.app,
        await demoActorFor(gateway.app, 'kbri.phnompenh'),
        'BP3MI-NTT',
      );
      await waitForLedgerSealed(dataSourceOf(gateway.app));
      const [{ sealed }] = await dataSourceOf(gateway.app).query<{ sealed: string }[]>(
        'SELECT next_seq::text AS sealed FROM ledger_head',
      );
      expect(Number(sealed) - Number(before.treeSize)).toBeGreaterThanOrEqual(2);
      let latest: Checkpoint | null = null;
      await waitForCondition('the worker to sign over the new entries', async () => {
        latest = (
          await auditor.client.data<{ auditCheckpoint: Checkpoint | null }>(
            '{ auditCheckpoint { treeSize rootHash issuedAt keyId signature } }',
          )
        ).auditCheckpoint;
        return Number(latest?.treeSize) >= Number(sealed);
      });
      expect(signedBy(latest!, await keysAt(gateway.baseUrl))).toBe(true);
    } finally {
      await eager.close();
    }
  });

  it('keeps old checkpoints verifiable after the signing key is rotated', async () => {
    const before = await issue();
    const oldKeys = await keysAt(gateway.baseUrl);
    const oldPublic = oldKeys.keys.find((k) => k.status === 'current')!.publicKey;
    const { privateKey } = generateKeyPairSync('ed25519');
    const rotated = await startHardenedGateway({
      LEDGER_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      LEDGER_RETIRED_PUBLIC_KEYS: oldPublic,
    });
    try {
      const rotatedAdmin = await loginAs(rotated.graphqlUrl, 'admin');
      await openCaseAndSend(
        rotated.app,
        await demoActorFor(rotated.app, 'kbri.phnompenh'),
        'KP2MI-PUSAT',
      );
      await waitForLedgerSealed(dataSourceOf(rotated.app));
      const after = await issue(rotatedAdmin);
      expect(after.keyId).not.toBe(before.keyId);
      const keys = await keysAt(rotated.baseUrl);
      expect(keys.keys.map((k) => [k.keyId, k.status])).toEqual([
        [after.keyId, 'current'],
        [before.keyId, 'retired'],
      ]);
      expect(signedBy(before, keys)).toBe(true);
      expect(signedBy(after, keys)).toBe(true);
      const { auditConsistencyProof: proof } = await rotatedAdmin.client.data<{
        auditConsistencyProof: { path: string[] };
      }>('query($f: String!) { auditConsistencyProof(fromSize: $f) { path } }', {
        f: before.treeSize,
      });
      expect(
        verifyConsistency(
          Number(before.treeSize),
          Number(after.treeSize),
          hex(before.rootHash),
          hex(after.rootHash),
          proof.path.map(hex),
        ),
      ).toBe(true);
    } finally {
      await rotated.close();
    }
  });
});

@Module({ imports: [ConfigModule, DatabaseModule, LedgerSequencerModule] })
class WorkerLedgerModule {}

async function startWorkerLedger(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerLedgerModule, { logger: false });
  await context.init();
  return context;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** docs/ledger-format.md "The hash", transcribed: sorted keys, no whitespace, prevHash as bytes. */
function entryHashByHand(prevHash: string, hashed: HashedEntry): string {
  const members = Object.keys(hashed)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(hashed[key as keyof HashedEntry])}`);
  return sha256Hex(Buffer.concat([hex(prevHash), Buffer.from(`{${members.join(',')}}`, 'utf8')]));
}
