import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '@simpul/delivery';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import type { HandoffAction } from './handoff-action';
import { entryHash, hashedEntryOf, noteDigest, payloadDigest } from './ledger-hash';

/** Payloads carry ids, codes and counts only: never personal data (the ledger is exported). */
export type LedgerPayload = Record<string, string | number | boolean | null | string[]>;

export interface LedgerEntryDraft {
  action: HandoffAction;
  /** null for what the system did (delivery, escalation) */
  actorId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId?: string | null;
  /** Free text shown on timelines; stored in handoff_note, only its digest goes on the ledger. */
  note?: string | null;
  payload: LedgerPayload;
}

const ENTRY_COLUMNS = [
  'seq',
  'at',
  'action',
  'actor_id',
  'from_unit_id',
  'to_unit_id',
  'case_id',
  'referral_id',
  'alert_id',
  'note_digest',
  'payload',
  'payload_digest',
  'prev_hash',
  'entry_hash',
] as const;

/** `($1, $2, …), ($15, …)` for a multi-row INSERT. */
const placeholders = (rows: number, columns: number, casts: Record<number, string> = {}) =>
  Array.from(
    { length: rows },
    (_, r) =>
      `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}${casts[c] ?? ''}`).join(', ')})`,
  ).join(', ');

/**
 * Appends entries to the hash chain. Call it as the LAST step of the use case's transaction: it
 * locks the chain head, so every other append waits until this transaction commits. That lock is
 * what makes seq gapless and the chain a total order (DESIGN.md, "The ledger").
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async append(manager: EntityManager, drafts: LedgerEntryDraft[]): Promise<LedgerEntryEntity[]> {
    if (drafts.length === 0) return [];
    const heads: { next_seq: string; last_hash: string }[] = await manager.query(
      'SELECT next_seq, last_hash FROM ledger_head WHERE id = 1 FOR UPDATE',
    );
    if (heads.length !== 1)
      throw new Error('ledger_head row is missing; migrations were not applied');
    // Taken under the lock, so `at` never decreases along the chain.
    const at = new Date();
    let seq = BigInt(heads[0].next_seq);
    let prevHash = heads[0].last_hash;
    const entries = drafts.map((draft) => {
      const entry = this.seal(draft, (seq++).toString(), at, prevHash);
      prevHash = entry.entryHash;
      return entry;
    });

    await this.insertEntries(manager, entries);
    const notes = drafts.flatMap((draft, i) => (draft.note ? [[entries[i].seq, draft.note]] : []));
    if (notes.length) {
      await manager.query(
        `INSERT INTO handoff_note (seq, text) VALUES ${placeholders(notes.length, 2)}`,
        notes.flat(),
      );
    }
    await manager.query('UPDATE ledger_head SET next_seq = $1, last_hash = $2 WHERE id = 1', [
      seq.toString(),
      prevHash,
    ]);
    await this.outbox.enqueue(manager, 'publish-handoff-events', {
      seqs: entries.map((e) => e.seq),
    });
    return entries;
  }

  private seal(
    draft: LedgerEntryDraft,
    seq: string,
    at: Date,
    prevHash: string,
  ): LedgerEntryEntity {
    const entry = new LedgerEntryEntity();
    entry.seq = seq;
    entry.at = at;
    entry.action = draft.action;
    entry.actorId = draft.actorId;
    entry.fromUnitId = draft.fromUnitId;
    entry.toUnitId = draft.toUnitId;
    entry.caseId = draft.caseId;
    entry.referralId = draft.referralId;
    entry.alertId = draft.alertId ?? null;
    // An empty note is no note: its digest would only prove that nothing was said.
    entry.noteDigest = draft.note ? noteDigest(draft.note) : null;
    entry.payload = { ...draft.payload };
    entry.payloadDigest = payloadDigest(entry.payload);
    entry.prevHash = prevHash;
    entry.entryHash = entryHash(prevHash, hashedEntryOf(entry));
    return entry;
  }

  private async insertEntries(manager: EntityManager, entries: LedgerEntryEntity[]): Promise<void> {
    const values = entries.flatMap((e) => [
      e.seq,
      e.at,
      e.action,
      e.actorId,
      e.fromUnitId,
      e.toUnitId,
      e.caseId,
      e.referralId,
      e.alertId,
      e.noteDigest,
      JSON.stringify(e.payload),
      e.payloadDigest,
      e.prevHash,
      e.entryHash,
    ]);
    await manager.query(
      `INSERT INTO ledger_entry (${ENTRY_COLUMNS.join(', ')})
       VALUES ${placeholders(entries.length, ENTRY_COLUMNS.length, { 10: '::jsonb' })}`,
      values,
    );
  }
}
