import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalRepository, TransactionHost, type TxHost } from '@simpul/database';
import { OutboxWriter, statementParams } from '@simpul/delivery';
import { HandoffNoteEntity } from './entities/handoff-note.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';

/** Keyset page over seq: entries strictly after `afterSeq`, at most `limit` of them. */
export interface SeqPage {
  afterSeq?: string | null;
  limit?: number;
}

export interface LedgerHead {
  nextSeq: string;
  lastHash: string;
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
 * The ledger's tables (ledger_head, ledger_entry, handoff_note): the only code that writes SQL for
 * them. Writes run in the caller's transaction (`txHost`); reads in it when there is one.
 */
@Injectable()
export class LedgerRepository extends TransactionalRepository {
  constructor(
    @Inject(TransactionHost) txHost: TxHost,
    private readonly outbox: OutboxWriter,
  ) {
    super(txHost);
  }

  /** Locks the chain head until the transaction ends: every other append waits for it. */
  async lockHead(): Promise<LedgerHead> {
    const heads: { next_seq: string; last_hash: string }[] = await this.inTransaction.query(
      'SELECT next_seq, last_hash FROM ledger_head WHERE id = 1 FOR UPDATE',
    );
    if (heads.length !== 1)
      throw new Error('ledger_head row is missing; migrations were not applied');
    return { nextSeq: heads[0].next_seq, lastHash: heads[0].last_hash };
  }

  /**
   * Entries, notes, the new head, the publish-handoff-events job and the relay's nudge in ONE
   * statement: data-modifying CTEs, with the rows passed as one array per column.
   */
  async write(
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
    await this.inTransaction.query(
      `WITH ${parts.join(',\n')}\n${this.outbox.nudgeSql(bind)}`,
      params,
    );
  }

  page(
    filter: { caseId?: string; referralId?: string },
    { afterSeq, limit }: SeqPage,
  ): Promise<LedgerEntryEntity[]> {
    const query = this.db.createQueryBuilder(LedgerEntryEntity, 'e').orderBy('e.seq', 'ASC');
    if (filter.caseId) query.andWhere('e.case_id = :caseId', { caseId: filter.caseId });
    if (filter.referralId)
      query.andWhere('e.referral_id = :referralId', { referralId: filter.referralId });
    // Compared as bigint in SQL: '10' < '9' as text.
    if (afterSeq != null) query.andWhere('e.seq > CAST(:afterSeq AS bigint)', { afterSeq });
    if (limit != null) query.limit(limit);
    return query.getMany();
  }

  bySeqs(seqs: readonly string[]): Promise<LedgerEntryEntity[]> {
    return this.db.find(LedgerEntryEntity, {
      where: { seq: In([...seqs]) },
      order: { seq: 'ASC' },
    });
  }

  entryBySeq(seq: string): Promise<LedgerEntryEntity | null> {
    return this.db.findOneBy(LedgerEntryEntity, { seq });
  }

  notesBySeqs(seqs: readonly string[]): Promise<HandoffNoteEntity[]> {
    return this.db.find(HandoffNoteEntity, { where: { seq: In([...seqs]) } });
  }

  countByCase(caseId: string): Promise<number> {
    return this.db.countBy(LedgerEntryEntity, { caseId });
  }
}
