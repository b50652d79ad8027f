import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HandoffAction } from '../handoff-action';

/**
 * Append-only: a use case inserts an entry unsealed (no seq, at or hashes); the ledger sequencer
 * seals it once, in commit order; triggers refuse every other UPDATE, DELETE and TRUNCATE
 * (docs/ledger-format.md). Ids, codes and digests only.
 */
@Entity('ledger_entry')
export class LedgerEntryEntity {
  /** Insertion order (bigint as a decimal string); exists from the write on, unlike seq. */
  @PrimaryColumn({ type: 'bigint' }) id: string;
  /** The writing transaction's id (`pg_current_xact_id()`), set by the database. */
  @Column({ type: 'bigint', name: 'xact_id' }) xactId: string;
  /** The writer's clock when it appended the entry. */
  @Column({ type: 'timestamptz', name: 'written_at' }) writtenAt: Date;
  /** bigint: kept as a decimal string end to end. Null until sealed. */
  @Column({ type: 'bigint', nullable: true }) seq: string | null;
  /** written_at, raised where needed so that it never decreases along the chain. Null until sealed. */
  @Column({ type: 'timestamptz', nullable: true }) at: Date | null;
  @Column({ type: 'text' }) action: HandoffAction;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId: string | null;
  @Column({ type: 'uuid', name: 'from_unit_id', nullable: true }) fromUnitId: string | null;
  @Column({ type: 'uuid', name: 'to_unit_id', nullable: true }) toUnitId: string | null;
  @Column({ type: 'uuid', name: 'case_id', nullable: true }) caseId: string | null;
  @Column({ type: 'uuid', name: 'referral_id', nullable: true }) referralId: string | null;
  @Column({ type: 'uuid', name: 'alert_id', nullable: true }) alertId: string | null;
  @Column({ type: 'text', name: 'note_digest', nullable: true }) noteDigest: string | null;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'text', name: 'payload_digest' }) payloadDigest: string;
  @Column({ type: 'text', name: 'prev_hash', nullable: true }) prevHash: string | null;
  @Column({ type: 'text', name: 'entry_hash', nullable: true }) entryHash: string | null;
}

/** An entry the sequencer has sealed: what readers, timelines and verifiers see. */
export type SealedLedgerEntry = LedgerEntryEntity & {
  seq: string;
  at: Date;
  prevHash: string;
  entryHash: string;
};
