import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule, TransactionHost, type TxHost } from '@simpul/database';
import { DeliveryModule, HandoffEventBus, type HandoffEventMessage } from '@simpul/delivery';
import {
  HandoffAction,
  LedgerModule,
  LedgerReader,
  LedgerWriter,
  PublishHandoffEventsHandler,
  entryHash,
  hashedEntryOf,
  noteDigest,
  toHandoffEvent,
  verifyChain,
  type LedgerEntryDraft,
} from '@simpul/ledger';
import { waitForCondition } from '../support/wait-for-condition';

describe('ledger', () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let writer: LedgerWriter;
  let reader: LedgerReader;
  let txHost: TxHost;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, LedgerModule, DeliveryModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    writer = moduleRef.get(LedgerWriter);
    reader = moduleRef.get(LedgerReader);
    txHost = moduleRef.get<TxHost>(TransactionHost);
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

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

  const append = (drafts: LedgerEntryDraft[]) =>
    txHost.withTransaction(() => writer.append(drafts));

  it('orders 50 concurrent appends into one gapless chain whose hashes recompute', async () => {
    const caseId = randomUUID();
    const appended = await Promise.all(Array.from({ length: 50 }, () => append([draft(caseId)])));

    const seqs = appended.map(([entry]) => BigInt(entry.seq)).sort((a, b) => (a < b ? -1 : 1));
    const first = seqs[0];
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => first + BigInt(i)));

    const stored = await reader.byCase(caseId);
    expect(stored.map((e) => BigInt(e.seq))).toEqual(seqs);
    for (const entry of stored) {
      expect(entryHash(entry.prevHash, hashedEntryOf(entry))).toBe(entry.entryHash);
    }
    // The whole ledger of this run, from seq 0: links, digests and hashes all hold.
    const everything = await reader.all();
    expect(everything[0].seq).toBe('0');
    expect(verifyChain(everything)).toEqual({ ok: true });
    // at never goes backwards along the chain: it is taken under the head lock.
    for (let i = 1; i < everything.length; i++) {
      expect(everything[i].at.getTime()).toBeGreaterThanOrEqual(everything[i - 1].at.getTime());
    }

    const outbox: { seqs: string[] }[] = (
      await dataSource.query<{ payload: { seqs: string[] } }[]>(
        `SELECT payload FROM outbox WHERE job_name = 'publish-handoff-events' AND payload->'seqs' ?| $1`,
        [stored.map((e) => e.seq)],
      )
    ).map((row) => row.payload);
    expect(outbox).toHaveLength(50);
    expect(outbox.every((payload) => payload.seqs.length === 1)).toBe(true);
  });

  it('keeps note text beside the ledger, with only its digest on the entry', async () => {
    const caseId = randomUUID();
    const note = 'Korban meminta pendamping berbahasa Khmer';
    const [withNote, withoutNote, emptyNote] = await append([
      draft(caseId, { note }),
      draft(caseId, { action: HandoffAction.REFERRAL_DELIVERED, actorId: null }),
      draft(caseId, { action: HandoffAction.REFERRAL_RECEIVED, note: '' }),
    ]);
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

    const notes = await reader.notesFor([withNote.seq, withoutNote.seq, emptyNote.seq]);
    expect([...notes]).toEqual([[withNote.seq, note]]);
    const event = toHandoffEvent((await reader.entryBySeq(withNote.seq))!, notes.get(withNote.seq));
    expect(event).toMatchObject({
      id: withNote.seq,
      seq: withNote.seq,
      note,
      caseId,
      entryHash: withNote.entryHash,
    });
  });

  it('appends only inside a transaction: never on an autocommit connection of its own', async () => {
    // The chain-head lock must be held until the use case commits, so outside a transaction
    // (the one that travels with the request) the writer refuses before touching the ledger.
    await expect(writer.append([draft(randomUUID())])).rejects.toThrow(/inside a transaction/);
  });

  it('spends no seq on a transaction that rolls back', async () => {
    const caseId = randomUUID();
    const [before] = await append([draft(caseId)]);
    await expect(
      txHost.withTransaction(async () => {
        await writer.append([draft(caseId)]);
        throw new Error('use case failed after its ledger entry');
      }),
    ).rejects.toThrow('use case failed');
    const [after] = await append([draft(caseId)]);
    expect(BigInt(after.seq)).toBe(BigInt(before.seq) + 1n);
    expect(after.prevHash).toBe(before.entryHash);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    const [entry] = await append([draft(randomUUID())]);
    await expect(
      dataSource.query(`UPDATE ledger_entry SET action = 'CASE_CLOSED' WHERE seq = $1`, [
        entry.seq,
      ]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(
      dataSource.query('DELETE FROM ledger_entry WHERE seq = $1', [entry.seq]),
    ).rejects.toThrow(/append-only: DELETE refused/);
    await expect(dataSource.query('TRUNCATE ledger_entry CASCADE')).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
    expect((await reader.entryBySeq(entry.seq))?.entryHash).toBe(entry.entryHash);
  });

  it('publishes committed entries on the handoff event bus in seq order', async () => {
    const caseId = randomUUID();
    const received: HandoffEventMessage[] = [];
    const stop = await moduleRef.get(HandoffEventBus).listen((message) => {
      if (message.caseId === caseId) received.push(message);
    });
    try {
      const entries = await append([
        draft(caseId, { action: HandoffAction.REFERRAL_ACCEPTED }),
        draft(caseId, { action: HandoffAction.REFERRAL_STARTED }),
        draft(caseId, { action: HandoffAction.REFERRAL_COMPLETED }),
      ]);
      await moduleRef.get(PublishHandoffEventsHandler).handle({ seqs: entries.map((e) => e.seq) });
      await waitForCondition('three handoff events', () => received.length === 3);
      expect(received).toEqual(
        entries.map((e) => ({
          seq: e.seq,
          action: e.action,
          caseId,
          referralId: e.referralId,
          alertId: null,
          fromUnitId: e.fromUnitId,
          toUnitId: e.toUnitId,
        })),
      );
    } finally {
      stop();
    }
  });
});
