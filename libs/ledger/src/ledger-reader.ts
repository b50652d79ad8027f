import { Injectable } from '@nestjs/common';
import type { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { LedgerRepository, type SeqPage } from './ledger.repository';
import { toHandoffEvent, type HandoffEventModel } from './models/handoff-event.model';

export type { SeqPage } from './ledger.repository';

/**
 * Reads the ledger in seq order, for other libs. Inside a use case's transaction the reads see it
 * (the transaction travels with the request); otherwise they use the pool.
 */
@Injectable()
export class LedgerReader {
  constructor(private readonly ledger: LedgerRepository) {}

  byCase(caseId: string, page: SeqPage = {}): Promise<LedgerEntryEntity[]> {
    return this.ledger.page({ caseId }, page);
  }

  byReferral(referralId: string, page: SeqPage = {}): Promise<LedgerEntryEntity[]> {
    return this.ledger.page({ referralId }, page);
  }

  /** The whole ledger, for auditors and exports. */
  all(page: SeqPage = {}): Promise<LedgerEntryEntity[]> {
    return this.ledger.page({}, page);
  }

  /** Entries with these seqs, in seq order; unknown seqs are skipped. */
  async bySeqs(seqs: readonly string[]): Promise<LedgerEntryEntity[]> {
    if (seqs.length === 0) return [];
    return this.ledger.bySeqs(seqs);
  }

  entryBySeq(seq: string): Promise<LedgerEntryEntity | null> {
    return this.ledger.entryBySeq(seq);
  }

  /** Note texts by seq, in one query; entries without a note are absent from the map. */
  async notesFor(seqs: readonly string[]): Promise<Map<string, string>> {
    if (seqs.length === 0) return new Map();
    const notes = await this.ledger.notesBySeqs(seqs);
    return new Map(notes.map((note) => [note.seq, note.text]));
  }

  /**
   * Entries as timelines show them, with their note texts — read in one query, and only for
   * entries that have a note (most have none).
   */
  async toEvents(entries: readonly LedgerEntryEntity[]): Promise<HandoffEventModel[]> {
    const notes = await this.notesFor(
      entries.filter((entry) => entry.noteDigest !== null).map((entry) => entry.seq),
    );
    return entries.map((entry) => toHandoffEvent(entry, notes.get(entry.seq)));
  }

  /** Number of entries for a case (timelines show a total). */
  countByCase(caseId: string): Promise<number> {
    return this.ledger.countByCase(caseId);
  }
}
