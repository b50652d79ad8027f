import { Injectable } from '@nestjs/common';
import { statementParams, type Bind } from '@simpul/delivery';
import { TransactionHost } from '@simpul/database';
import type { HandoffAction } from './handoff-action';
import { noteDigest, payloadDigest } from '@simpul/ledger-format';

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

/** The columns a writer fills: name, array type for unnest, value. */
const DRAFT_COLUMNS: [string, string, (draft: LedgerEntryDraft) => unknown][] = [
  ['action', 'text', (d) => d.action],
  ['actor_id', 'uuid', (d) => d.actorId],
  ['from_unit_id', 'uuid', (d) => d.fromUnitId],
  ['to_unit_id', 'uuid', (d) => d.toUnitId],
  ['case_id', 'uuid', (d) => d.caseId],
  ['referral_id', 'uuid', (d) => d.referralId],
  ['alert_id', 'uuid', (d) => d.alertId ?? null],
  // An empty note is no note: its digest would only prove that nothing was said.
  ['note_digest', 'text', (d) => (d.note ? noteDigest(d.note) : null)],
  ['payload', 'jsonb', (d) => JSON.stringify(d.payload)],
  ['payload_digest', 'text', (d) => payloadDigest({ ...d.payload })],
];

/**
 * Appends entries to the ledger inside the caller's transaction, unsealed: no seq, no hashes, no
 * lock. The database stamps each row with the transaction's id; once the transaction has
 * committed, the ledger sequencer (worker) gives the entries their seq and hashes in commit
 * order. So appends never wait for one another, and an entry of a transaction that rolls back
 * never takes a place in the chain (docs/ledger-format.md, "Appending").
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly tx: TransactionHost) {}

  /** Entries and their notes in one statement; resolves to the entries' ids, in draft order. */
  async append(drafts: LedgerEntryDraft[]): Promise<string[]> {
    if (drafts.length === 0) return [];
    const { params, bind } = statementParams();
    const rows: { id: string }[] = await this.tx.manager.query(
      `WITH ${this.appendSql(bind, drafts).join(',\n')}\nSELECT id FROM numbered ORDER BY ord`,
      params,
    );
    return rows.map((row) => String(row.id));
  }

  /**
   * The same append as data-modifying CTEs (`entry`, `numbered`, `note`), for a use case that
   * folds it into a statement of its own: the caller joins them into its WITH and binds through
   * `bind`. `numbered` holds the entries' ids with their draft's position (`ord`, from 1).
   */
  appendSql(bind: Bind, drafts: LedgerEntryDraft[]): string[] {
    const columns = DRAFT_COLUMNS.map(([, type, value]) => `${bind(drafts.map(value))}::${type}[]`);
    const names = DRAFT_COLUMNS.map(([name]) => name).join(', ');
    const notes = drafts.flatMap((draft, i) =>
      draft.note ? [{ ord: i + 1, text: draft.note }] : [],
    );
    // Identity values are drawn row by row in insertion order, so the k-th smallest id returned
    // is the k-th draft: that is how notes find their entry's id within the one statement.
    const parts = [
      `entry AS (INSERT INTO ledger_entry (written_at, ${names})
         SELECT ${bind(new Date())}::timestamptz, ${names}
           FROM unnest(${columns.join(', ')}) WITH ORDINALITY AS d(${names}, ord)
          ORDER BY ord
         RETURNING id)`,
      `numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM entry)`,
    ];
    if (notes.length) {
      parts.push(`note AS (INSERT INTO handoff_note (entry_id, text)
         SELECT numbered.id, n.text FROM numbered
           JOIN unnest(${bind(notes.map((n) => n.ord))}::int[], ${bind(notes.map((n) => n.text))}::text[])
             AS n(ord, text) USING (ord))`);
    }
    return parts;
  }
}
