import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { TransactionHost } from '@simpul/database';
import { HandoffNoteEntity } from './entities/handoff-note.entity';
import { LedgerEntryEntity, type SealedLedgerEntry } from './entities/ledger-entry.entity';
import type { PublishedEntry } from './models/handoff-event-message';
import { toHandoffEvent, type HandoffEventModel } from './models/handoff-event.model';
import { LEDGER_WANTED_CHANNEL } from './sequencer/sequencer-lock';

/** Keyset page over seq: entries strictly after `afterSeq`, at most `limit` of them. */
export interface SeqPage {
  afterSeq?: string | null;
  limit?: number;
}

/** The entries of one case or one referral. */
export type TimelineSubject = { caseId: string } | { referralId: string };

/**
 * How long a timeline read waits for entries that had committed when it began to be sealed. The
 * sequencer seals within milliseconds; the bound only matters while no worker runs.
 */
const SEAL_WAIT_MS = 2000;
const SEAL_POLL_MAX_MS = 50;

/**
 * Reads the ledger in seq order, sealed entries only: an entry has no seq or hash before the
 * sequencer seals it, and the sequencer seals in one transaction per batch, so a reader that sees
 * seq n sees every seq below it. Every method takes an optional EntityManager so a use case can
 * read inside its own transaction; otherwise the shared DataSource is used.
 */
@Injectable()
export class LedgerReader {
  private readonly logger = new Logger(LedgerReader.name);

  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * A case's entries in seq order, for its timeline. Read-your-writes: the entries that had
   * committed when the read began (the caller's own last action among them) are waited for until
   * sealed — as long as that takes, at most SEAL_WAIT_MS — never silently left out.
   */
  async byCase(caseId: string, page: SeqPage = {}): Promise<SealedLedgerEntry[]> {
    await this.awaitSealed({ caseId });
    return this.page({ caseId }, page);
  }

  /** A referral's entries in seq order, for its timeline; read-your-writes as byCase. */
  async byReferral(referralId: string, page: SeqPage = {}): Promise<SealedLedgerEntry[]> {
    await this.awaitSealed({ referralId });
    return this.page({ referralId }, page);
  }

  /** The whole sealed ledger, for auditors and exports. */
  all(page: SeqPage = {}): Promise<SealedLedgerEntry[]> {
    return this.page({}, page);
  }

  /** Entries with these seqs, in seq order; unknown seqs are skipped. */
  async bySeqs(seqs: readonly string[]): Promise<SealedLedgerEntry[]> {
    if (seqs.length === 0) return [];
    return (await this.tx.manager.find(LedgerEntryEntity, {
      where: { seq: In([...seqs]) },
      order: { seq: 'ASC' },
    })) as SealedLedgerEntry[];
  }

  async entryBySeq(seq: string): Promise<SealedLedgerEntry | null> {
    return (await this.tx.manager.findOneBy(LedgerEntryEntity, {
      seq,
    })) as SealedLedgerEntry | null;
  }

  /** Note texts by entry id, in one query; entries without a note are absent from the map. */
  async notesFor(entryIds: readonly string[]): Promise<Map<string, string>> {
    if (entryIds.length === 0) return new Map();
    const notes = await this.tx.manager.find(HandoffNoteEntity, {
      where: { entryId: In([...entryIds]) },
    });
    return new Map(notes.map((note) => [String(note.entryId), note.text]));
  }

  /**
   * Entries as timelines show them, with their note texts — read in one query, and only for
   * entries that have a note (most have none).
   */
  async toEvents(entries: readonly PublishedEntry[]): Promise<HandoffEventModel[]> {
    const notes = await this.notesFor(
      entries.filter((entry) => entry.noteDigest !== null).map((entry) => entry.id),
    );
    return entries.map((entry) => toHandoffEvent(entry, notes.get(entry.id)));
  }

  /** Number of sealed entries in the whole ledger: the chain head's next seq. */
  async sealedCount(): Promise<number> {
    const [row] = await this.tx.manager.query<{ next_seq: string }[]>(
      'SELECT next_seq::text AS next_seq FROM ledger_head WHERE id = 1',
    );
    return Number(row?.next_seq ?? 0);
  }

  /** Number of sealed entries for a case (timelines show a total). */
  countByCase(caseId: string): Promise<number> {
    return this.tx.manager.countBy(LedgerEntryEntity, {
      caseId,
      seq: Not(IsNull()),
    });
  }

  /**
   * Waits until the subject's unsealed entries — committed ones: a reader never sees another
   * transaction's uncommitted rows — are sealed. Only those present at the first look count:
   * entries committed later are not the caller's and must not keep it waiting.
   */
  private async awaitSealed(subject: TimelineSubject): Promise<void> {
    const column = 'caseId' in subject ? 'case_id' : 'referral_id';
    const id = 'caseId' in subject ? subject.caseId : subject.referralId;
    const deadline = Date.now() + SEAL_WAIT_MS;
    let waitFor: bigint | undefined;
    let pauseMs = 1;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM ledger_entry WHERE ${column} = $1 AND seq IS NULL`,
        [id],
      );
      waitFor ??= rows.reduce((max, row) => (BigInt(row.id) > max ? BigInt(row.id) : max), -1n);
      if (!rows.some((row) => BigInt(row.id) <= waitFor!)) return;
      if (Date.now() >= deadline) {
        this.logger.warn(
          `${rows.length} committed ledger entries still unsealed after ${SEAL_WAIT_MS} ms; is a worker running?`,
        );
        return;
      }
      // The first wait asks the sequencer to run now rather than at its next idle poll.
      if (pauseMs === 1) {
        await this.dataSource.query('SELECT pg_notify($1, $2)', [LEDGER_WANTED_CHANNEL, '']);
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      pauseMs = Math.min(pauseMs * 2, SEAL_POLL_MAX_MS);
    }
  }

  private async page(
    filter: { caseId?: string; referralId?: string },
    { afterSeq, limit }: SeqPage,
  ): Promise<SealedLedgerEntry[]> {
    const query = this.tx.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .where('e.seq IS NOT NULL')
      .orderBy('e.seq', 'ASC');
    if (filter.caseId) query.andWhere('e.case_id = :caseId', { caseId: filter.caseId });
    if (filter.referralId)
      query.andWhere('e.referral_id = :referralId', { referralId: filter.referralId });
    // Compared as bigint in SQL: '10' < '9' as text.
    if (afterSeq != null) query.andWhere('e.seq > CAST(:afterSeq AS bigint)', { afterSeq });
    if (limit != null) query.limit(limit);
    return (await query.getMany()) as SealedLedgerEntry[];
  }
}
