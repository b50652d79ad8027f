import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
import { UnitHoldingsReader } from '@simpul/insight';
import {
  HandoffAction,
  LedgerIntegrityCheck,
  LedgerTree,
  LedgerWriter,
  MerkleAccumulator,
  type LedgerEntryDraft,
} from '@simpul/ledger';
import { dataSourceOf } from '../support/boot-in-process';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';

const draft = (overrides: Partial<LedgerEntryDraft> = {}): LedgerEntryDraft => ({
  action: HandoffAction.REFERRAL_SENT,
  actorId: randomUUID(),
  fromUnitId: randomUUID(),
  toUnitId: randomUUID(),
  caseId: randomUUID(),
  referralId: randomUUID(),
  payload: { status: 'REQUESTED' },
  ...overrides,
});

/** How many entries take a tree of `size` past the next power of ten (9 → 10, 99 → 100 …). */
const pastNextPowerOfTen = (size: number) => 10 ** String(Math.max(size, 1)).length - size + 3;

/**
 * seq is a bigint read as text; SQL that sorts by a bare `seq` beside a `seq::text AS seq` alias
 * sorts "10" before "9". Every reader that walks the ledger in seq order must cross a power of ten:
 * the Merkle tree, the verification run and the unit-holdings replay.
 */
describe('ledger readers order by the numeric seq across a power of ten', () => {
  let gateway: RunningGateway;
  let sequencer: INestApplicationContext;

  beforeAll(async () => {
    gateway = await startHardenedGateway();
    sequencer = await startLedgerSequencer();
  }, 60_000);
  afterAll(async () => {
    await sequencer?.close();
    await gateway?.close();
  });

  it('extends the tree, signs the right root, verifies the chain and replays holdings past it', async () => {
    const db = dataSourceOf(gateway.app);
    const tree = gateway.app.get(LedgerTree);
    const before = Number((await tree.issueNow()).treeSize);

    // One referral held by one unit: accepted before the boundary, completed after it.
    const unitId = randomUUID();
    const referralId = randomUUID();
    const held = { toUnitId: unitId, referralId };
    const fillers = Array.from({ length: pastNextPowerOfTen(before) }, () => draft());
    await gateway.app.get(TransactionHost).run(() =>
      gateway.app.get(LedgerWriter).append([
        draft({
          ...held,
          action: HandoffAction.REFERRAL_ACCEPTED,
          payload: { status: 'ACCEPTED' },
        }),
        ...fillers,
        draft({
          ...held,
          action: HandoffAction.REFERRAL_COMPLETED,
          payload: { status: 'COMPLETED' },
        }),
      ]),
    );
    await waitForLedgerSealed(db);

    const checkpoint = await tree.issueNow();
    const size = Number(checkpoint.treeSize);
    expect(size).toBeGreaterThanOrEqual(before + fillers.length + 2);
    expect(String(size).length).toBeGreaterThan(String(Math.max(before, 1)).length);
    const hashes: { entry_hash: string }[] = await db.query(
      'SELECT entry_hash FROM ledger_entry WHERE seq < $1 ORDER BY seq',
      [size],
    );
    const accumulator = new MerkleAccumulator();
    for (const { entry_hash } of hashes) accumulator.appendEntryHash(entry_hash);
    expect(checkpoint.rootHash).toBe(accumulator.root().toString('hex'));

    // The run's shared ledger also holds checkpoints other files signed with keys they rotated
    // away, so the whole verdict may fail on a signature; what this file checks is that the walk
    // over entries never finds a seq out of order.
    const verdict = await gateway.app.get(LedgerIntegrityCheck).run();
    expect(verdict.firstBadSeq).toBeNull();
    expect(verdict.reason ?? '').not.toMatch(/seq \d+ is missing/);

    const holdings = await gateway.app.get(UnitHoldingsReader).at(unitId, new Date());
    expect(holdings).toEqual([]);
  }, 120_000);
});
