import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Client } from 'pg';
import { ConfigModule, loadConfig } from '@simpul/config';
import { DatabaseModule, TransactionHost } from '@simpul/database';
import { DeliveryModule, HandoffEventBus, type HandoffEventMessage } from '@simpul/delivery';
import {
  HandoffAction,
  LedgerEntryEntity,
  LedgerModule,
  LedgerReader,
  LedgerSequencer,
  LedgerSequencerModule,
  LedgerWriter,
  PublishHandoffEventsHandler,
  entryHash,
  hashedEntryOf,
  noteDigest,
  toHandoffEvent,
  verifyChain,
  type LedgerEntryDraft,
  type SealedLedgerEntry,
} from '@simpul/ledger';
import { waitForCondition } from '../support/wait-for-condition';

const draft = (caseId: string, overrides: Partial<LedgerEntryDraft> = {}): LedgerEntryDraft => ({
  action: HandoffAction.REFERRAL_SENT,
  actorId: randomUUID(),
  fromUnitId: randomUUID(),
  toUnitId: randomUUID(),
  caseId,
  referralId: randomUUID(),
  payload: { services: ['SHELTER'], priority: 'URGENT', persons: 2, child: false },
  ...overrides,
});

async function bootLedger(withSequencer: boolean): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule,
      DatabaseModule,
      LedgerModule,
      DeliveryModule,
      ...(withSequencer ? [LedgerSequencerModule] : []),
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('ledger', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let writer: LedgerWriter;
  let tx: TransactionHost;
  let reader: LedgerReader;

  beforeAll(async () => {
    moduleRef = await bootLedger(true);
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    writer = moduleRef.get(LedgerWriter);
    tx = moduleRef.get(TransactionHost);
    reader = moduleRef.get(LedgerReader);
    await waitForCondition('the sequencer to lead', () =>
      moduleRef.get(LedgerSequencer).isLeading(),
    );
  }, 30_000);

  afterAll(async () => {
    await moduleRef?.close();
  });

  const append = (drafts: LedgerEntryDraft[]) => tx.run(() => writer.append(drafts));

  /** The entries with these ids once the sequencer has sealed them all, in seq order. */
  async function sealed(ids: string[]): Promise<SealedLedgerEntry[]> {
    const repository = dataSource.getRepository(LedgerEntryEntity);
    let entries: LedgerEntryEntity[] = [];
    await waitForCondition(`${ids.length} entries sealed`, async () => {
      entries = await repository.find({ where: { id: In(ids) }, order: { seq: 'ASC' } });
      return entries.length === ids.length && entries.every((entry) => entry.seq !== null);
    });
    return entries as SealedLedgerEntry[];
  }

  it('seals 50 concurrent appends into one gapless chain whose hashes recompute', async () => {
    const caseId = randomUUID();
    const appended = await Promise.all(Array.from({ length: 50 }, () => append([draft(caseId)])));
    const stored = await sealed(appended.flat());

    const first = BigInt(stored[0].seq);
    expect(stored.map((e) => BigInt(e.seq))).toEqual(
      Array.from({ length: 50 }, (_, i) => first + BigInt(i)),
    );
    for (const entry of stored) {
      expect(entryHash(entry.prevHash, hashedEntryOf(entry))).toBe(entry.entryHash);
    }
    // The whole ledger of this run, from seq 0: links, digests and hashes all hold.
    const everything = await reader.all();
    expect(everything[0].seq).toBe('0');
    expect(everything.map((e) => e.seq)).toEqual(everything.map((_, i) => String(i)));
    expect(verifyChain(everything)).toEqual({ ok: true });
    // at never goes backwards along the chain, and is never before the writer's clock.
    for (let i = 1; i < everything.length; i++) {
      expect(everything[i].at.getTime()).toBeGreaterThanOrEqual(everything[i - 1].at.getTime());
    }
    for (const entry of everything) {
      expect(entry.at.getTime()).toBeGreaterThanOrEqual(entry.writtenAt.getTime());
    }
    // Sealed in writing-transaction order, then insertion order.
    const order = everything.map((e) => [BigInt(e.xactId), BigInt(e.id)] as const);
    const sorted = [...order].sort(([x1, i1], [x2, i2]) =>
      x1 === x2 ? Number(i1 - i2) : Number(x1 - x2),
    );
    expect(order).toEqual(sorted);

    // One publish job per sealed batch, carrying every seq exactly once.
    const published = (
      await dataSource.query<{ payload: { seqs: string[] } }[]>(
        `SELECT payload FROM outbox WHERE job_name = 'publish-handoff-events' AND payload->'seqs' ?| $1`,
        [stored.map((e) => e.seq)],
      )
    ).flatMap((row) => row.payload.seqs);
    expect(published.filter((seq) => stored.some((e) => e.seq === seq)).sort()).toEqual(
      stored.map((e) => e.seq).sort(),
    );
  });

  it('appends unsealed, stamped with the writing transaction, and without taking any lock', async () => {
    const caseId = randomUUID();
    await tx.run(async () => {
      const [id] = await writer.append([draft(caseId)]);
      const [row]: { seq: string | null; entry_hash: string | null; mine: boolean }[] =
        await tx.manager.query(
          `SELECT seq, entry_hash, xact_id = pg_current_xact_id()::text::bigint AS mine
             FROM ledger_entry WHERE id = $1`,
          [id],
        );
      expect(row).toEqual({ seq: null, entry_hash: null, mine: true });
      // Only the row locks of its own INSERT: no chain head, nothing another writer waits for.
      const [{ locks }]: { locks: number }[] = await tx.manager.query(
        `SELECT count(*)::int AS locks FROM pg_locks
          WHERE pid = pg_backend_pid() AND locktype IN ('tuple', 'advisory')`,
      );
      expect(locks).toBe(0);
    });
  });

  it('keeps note text beside the ledger, with only its digest on the entry', async () => {
    const caseId = randomUUID();
    const note = 'Korban meminta pendamping berbahasa Khmer';
    const ids = await append([
      draft(caseId, { note }),
      draft(caseId, { action: HandoffAction.REFERRAL_DELIVERED, actorId: null }),
      draft(caseId, { action: HandoffAction.REFERRAL_RECEIVED, note: '' }),
    ]);
    const [withNote, withoutNote, emptyNote] = await sealed(ids);
    expect([withNote.id, withoutNote.id, emptyNote.id]).toEqual(ids);
    expect(BigInt(withoutNote.seq)).toBe(BigInt(withNote.seq) + 1n);
    expect(withoutNote.prevHash).toBe(withNote.entryHash);
    expect(withNote.noteDigest).toBe(noteDigest(note));
    expect(withoutNote.noteDigest).toBeNull();
    expect(emptyNote.noteDigest).toBeNull();

    const rows: { row: string }[] = await dataSource.query(
      'SELECT e::text AS row FROM ledger_entry e WHERE case_id = $1',
      [caseId],
    );
    expect(rows.some(({ row }) => row.includes('Khmer'))).toBe(false);

    const notes = await reader.notesFor(ids);
    expect([...notes]).toEqual([[withNote.id, note]]);
    const event = toHandoffEvent((await reader.entryBySeq(withNote.seq))!, notes.get(withNote.id));
    expect(event).toMatchObject({
      id: withNote.seq,
      seq: withNote.seq,
      note,
      caseId,
      entryHash: withNote.entryHash,
    });
  });

  it('spends no seq on a transaction that rolls back', async () => {
    const caseId = randomUUID();
    const [before] = await sealed(await append([draft(caseId)]));
    let rolledBack: string[] = [];
    await expect(
      tx.run(async () => {
        rolledBack = await writer.append([draft(caseId)]);
        throw new Error('use case failed after its ledger entry');
      }),
    ).rejects.toThrow('use case failed');
    const [after] = await sealed(await append([draft(caseId)]));
    expect(BigInt(after.seq)).toBe(BigInt(before.seq) + 1n);
    expect(after.prevHash).toBe(before.entryHash);
    const [{ count }]: { count: number }[] = await dataSource.query(
      'SELECT count(*)::int AS count FROM ledger_entry WHERE id = ANY($1::bigint[])',
      [rolledBack],
    );
    expect(count).toBe(0);
  });

  it('timelines wait for the entries that committed before the read: read-your-writes', async () => {
    const caseId = randomUUID();
    for (const action of [HandoffAction.CASE_OPENED, HandoffAction.REFERRAL_SENT]) {
      await append([draft(caseId, { action })]);
      // Right after the commit, before the sequencer has necessarily run.
      const timeline = await reader.byCase(caseId);
      expect(timeline.at(-1)?.action).toBe(action);
    }
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the app role for want of privilege', async () => {
    const [entry] = await sealed(await append([draft(randomUUID())]));
    // The app's connection (simpul_app, ADR 0013) is refused before any trigger runs.
    for (const sql of [
      `UPDATE ledger_entry SET action = 'CASE_CLOSED' WHERE seq = ${entry.seq}`,
      `DELETE FROM ledger_entry WHERE seq = ${entry.seq}`,
      'TRUNCATE ledger_entry CASCADE',
      `INSERT INTO ledger_entry (written_at, action, payload, payload_digest, seq)
         VALUES (now(), 'CASE_OPENED', '{}', 'x', 999999)`,
    ]) {
      await expect(dataSource.query(sql)).rejects.toThrow(
        /permission denied for table ledger_entry/,
      );
    }
    expect((await reader.entryBySeq(entry.seq))?.entryHash).toBe(entry.entryHash);
  });

  it('is refused UPDATE (but the sequencer’s one sealing), DELETE and TRUNCATE by its triggers, even to the owner', async () => {
    const [entry] = await sealed(await append([draft(randomUUID())]));
    const owner = new Client({ connectionString: loadConfig(process.env).databaseUrl });
    await owner.connect();
    try {
      await expect(
        owner.query(`UPDATE ledger_entry SET action = 'CASE_CLOSED' WHERE seq = $1`, [entry.seq]),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(
        owner.query('DELETE FROM ledger_entry WHERE seq = $1', [entry.seq]),
      ).rejects.toThrow(/append-only: DELETE refused/);
      await expect(owner.query('TRUNCATE ledger_entry CASCADE')).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
      // A writer cannot insert a sealed entry, nor seal one without the sequencer's lock.
      await expect(
        owner.query(
          `INSERT INTO ledger_entry (written_at, action, payload, payload_digest, seq)
           VALUES (now(), 'CASE_OPENED', '{}', 'x', 999999)`,
        ),
      ).rejects.toThrow(/only the sequencer assigns/);
      await owner.query('BEGIN');
      try {
        const [{ id }] = (
          await owner.query<{ id: string }>(
            `INSERT INTO ledger_entry (written_at, action, payload, payload_digest)
             VALUES (now(), 'CASE_OPENED', '{}', 'x') RETURNING id`,
          )
        ).rows;
        await expect(
          owner.query(
            `UPDATE ledger_entry SET seq = 999999, at = now(), prev_hash = 'x', entry_hash = 'y' WHERE id = $1`,
            [id],
          ),
        ).rejects.toThrow(/append-only: UPDATE refused/);
      } finally {
        await owner.query('ROLLBACK');
      }
    } finally {
      await owner.end();
    }
    expect((await reader.entryBySeq(entry.seq))?.entryHash).toBe(entry.entryHash);
  });

  it('publishes sealed entries on the handoff event bus in seq order', async () => {
    const caseId = randomUUID();
    const received: HandoffEventMessage[] = [];
    const stop = await moduleRef.get(HandoffEventBus).listen((message) => {
      if (message.caseId === caseId) received.push(message);
    });
    try {
      const entries = await sealed(
        await append([
          draft(caseId, { action: HandoffAction.REFERRAL_ACCEPTED }),
          draft(caseId, { action: HandoffAction.REFERRAL_STARTED }),
          draft(caseId, { action: HandoffAction.REFERRAL_COMPLETED }),
        ]),
      );
      await moduleRef.get(PublishHandoffEventsHandler).handle({ seqs: entries.map((e) => e.seq) });
      await waitForCondition('three handoff events', () => received.length === 3);
      // The public fields, so that no gateway reads the entry again; never a note's text.
      expect(received).toEqual(
        entries.map((e) => ({
          seq: e.seq,
          entryId: e.id,
          at: e.at.toISOString(),
          action: e.action,
          actorId: e.actorId,
          caseId,
          referralId: e.referralId,
          alertId: null,
          fromUnitId: e.fromUnitId,
          toUnitId: e.toUnitId,
          noteDigest: null,
          prevHash: e.prevHash,
          entryHash: e.entryHash,
        })),
      );
    } finally {
      stop();
    }
  });
});

describe('ledger without a running sequencer', () => {
  it('a timeline read waits for its unsealed entries at most about two seconds', async () => {
    const moduleRef = await bootLedger(false);
    try {
      const dataSource = moduleRef.get<DataSource>(getDataSourceToken());
      const caseId = randomUUID();
      // Holds the lock so that no sequencer anywhere seals during this test.
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await waitForCondition('the sequencer lock', async () => {
          const [{ locked }]: { locked: boolean }[] = await runner.query(
            'SELECT pg_try_advisory_lock(1397312848, 1) AS locked',
          );
          return locked;
        });
        await moduleRef
          .get(TransactionHost)
          .run(() => moduleRef.get(LedgerWriter).append([draft(caseId)]));
        const started = Date.now();
        expect(await moduleRef.get(LedgerReader).byCase(caseId)).toEqual([]);
        expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
        expect(Date.now() - started).toBeLessThan(4000);
      } finally {
        await runner.query('SELECT pg_advisory_unlock_all()');
        await runner.release();
      }
    } finally {
      await moduleRef.close();
    }
  }, 30_000);
});
