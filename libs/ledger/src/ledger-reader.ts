import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { HandoffNoteEntity } from './entities/handoff-note.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { toHandoffEvent, type HandoffEventModel } from './models/handoff-event.model';

/** Keyset page over seq: entries strictly after `afterSeq`, at most `limit` of them. */
export interface SeqPage {
  afterSeq?: string | null;
  limit?: number;
}

/**
 * Reads the ledger in seq order. Every method takes an optional EntityManager so a use case can
 * read inside its own transaction; otherwise the shared DataSource is used.
 */
@Injectable()
export class LedgerReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byCase(
    caseId: string,
    page: SeqPage = {},
    manager?: EntityManager,
  ): Promise<LedgerEntryEntity[]> {
    return this.page({ caseId }, page, manager);
  }

  byReferral(
    referralId: string,
    page: SeqPage = {},
    manager?: EntityManager,
  ): Promise<LedgerEntryEntity[]> {
    return this.page({ referralId }, page, manager);
  }

  /** The whole ledger, for auditors and exports. */
  all(page: SeqPage = {}, manager?: EntityManager): Promise<LedgerEntryEntity[]> {
    return this.page({}, page, manager);
  }

  /** Entries with these seqs, in seq order; unknown seqs are skipped. */
  async bySeqs(seqs: readonly string[], manager?: EntityManager): Promise<LedgerEntryEntity[]> {
    if (seqs.length === 0) return [];
    return (manager ?? this.dataSource.manager).find(LedgerEntryEntity, {
      where: { seq: In([...seqs]) },
      order: { seq: 'ASC' },
    });
  }

  async entryBySeq(seq: string, manager?: EntityManager): Promise<LedgerEntryEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(LedgerEntryEntity, { seq });
  }

  /** Note texts by seq, in one query; entries without a note are absent from the map. */
  async notesFor(seqs: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (seqs.length === 0) return new Map();
    const notes = await (manager ?? this.dataSource.manager).find(HandoffNoteEntity, {
      where: { seq: In([...seqs]) },
    });
    return new Map(notes.map((note) => [note.seq, note.text]));
  }

  /**
   * Entries as timelines show them, with their note texts — read in one query, and only for
   * entries that have a note (most have none).
   */
  async toEvents(
    entries: readonly LedgerEntryEntity[],
    manager?: EntityManager,
  ): Promise<HandoffEventModel[]> {
    const notes = await this.notesFor(
      entries.filter((entry) => entry.noteDigest !== null).map((entry) => entry.seq),
      manager,
    );
    return entries.map((entry) => toHandoffEvent(entry, notes.get(entry.seq)));
  }

  /** Number of entries for a case (timelines show a total). */
  countByCase(caseId: string, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager).countBy(LedgerEntryEntity, { caseId });
  }

  private page(
    filter: { caseId?: string; referralId?: string },
    { afterSeq, limit }: SeqPage,
    manager?: EntityManager,
  ): Promise<LedgerEntryEntity[]> {
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .orderBy('e.seq', 'ASC');
    if (filter.caseId) query.andWhere('e.case_id = :caseId', { caseId: filter.caseId });
    if (filter.referralId)
      query.andWhere('e.referral_id = :referralId', { referralId: filter.referralId });
    // Compared as bigint in SQL: '10' < '9' as text.
    if (afterSeq != null) query.andWhere('e.seq > CAST(:afterSeq AS bigint)', { afterSeq });
    if (limit != null) query.limit(limit);
    return query.getMany();
  }
}
