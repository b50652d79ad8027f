import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter, statementParams } from '@simpul/delivery';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import type { HandoffAction } from './handoff-action';
import { entryHash, hashedEntryOf, noteDigest, payloadDigest } from '@simpul/ledger-format';

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

/** ledger_entry's columns: name, array type for unnest, value. */
const ENTRY_COLUMNS: [string, string, (entry: LedgerEntryEntity) => unknown][] = [
  ['seq', 'bigint', (e) => e.seq],
  ['at', 'timestamptz', (e) => e.at],
  ['action', 'text', (e) => e.action],
  ['actor_id', 'uuid', (e) => e.actorId],
  ['from_unit_id', 'uuid', (e) => e.fromUnitId],
  ['to_unit_id', 'uuid', (e) => e.toUnitId],
  ['case_id', 'uuid', (e) => e.caseId],
  ['referral_id', 'uuid', (e) => e.referralId],
  ['alert_id', 'uuid', (e) => e.alertId],
  ['note_digest', 'text', (e) => e.noteDigest],
  ['payload', 'jsonb', (e) => JSON.stringify(e.payload)],
  ['payload_digest', 'text', (e) => e.payloadDigest],
  ['prev_hash', 'text', (e) => e.prevHash],
  ['entry_hash', 'text', (e) => e.entryHash],
];

/**
 * Appends entries to the hash chain. Call it as the LAST step of the use case's transaction: it
 * locks the chain head, so every other append waits until this transaction commits. That lock is
 * what makes seq gapless and the chain a total order (docs/architecture.md, "The ledger").
 *
 * Every append in the hub queues for that one lock, so it is held for as little as possible: one
 * round trip to read the head, one statement that writes everything else, then COMMIT. Each
 * further round trip would also wait for the event loop of a busy Node process while all other
 * appends wait for it (docs/performance.md).
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
    const notes = drafts.flatMap((draft, i) =>
      draft.note ? [{ seq: entries[i].seq, text: draft.note }] : [],
    );
    await this.write(manager, entries, notes, seq.toString());
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

  /**
   * Entries, notes, the new head, the publish-handoff-events job and the relay's nudge in ONE
   * statement: data-modifying CTEs, with the rows passed as one array per column.
   */
  private async write(
    manager: EntityManager,
    entries: LedgerEntryEntity[],
    notes: { seq: string; text: string }[],
    nextSeq: string,
  ): Promise<void> {
    const { params, bind } = statementParams();
    const columns = ENTRY_COLUMNS.map(
      ([, type, value]) => `${bind(entries.map(value))}::${type}[]`,
    );
    const parts = [
      `entry AS (INSERT INTO ledger_entry (${ENTRY_COLUMNS.map(([name]) => name).join(', ')})
         SELECT * FROM unnest(${columns.join(', ')}))`,
      `head AS (UPDATE ledger_head SET next_seq = ${bind(nextSeq)},
         last_hash = ${bind(entries[entries.length - 1].entryHash)} WHERE id = 1)`,
      `job AS (${this.outbox.insertSql(bind, 'publish-handoff-events', { seqs: entries.map((e) => e.seq) })})`,
    ];
    if (notes.length) {
      parts.push(`note AS (INSERT INTO handoff_note (seq, text)
         SELECT * FROM unnest(${bind(notes.map((n) => n.seq))}::bigint[], ${bind(notes.map((n) => n.text))}::text[]))`);
    }
    await manager.query(`WITH ${parts.join(',\n')}\n${this.outbox.nudgeSql(bind)}`, params);
  }
}
