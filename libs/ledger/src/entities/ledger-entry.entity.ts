import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { HandoffAction } from '../handoff-action';

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Ids, codes and digests only. */
@Entity('ledger_entry')
@Unique('ledger_entry_entry_hash_key', ['entryHash'])
@Index('ledger_entry_case_idx', ['caseId', 'seq'])
@Index('ledger_entry_referral_idx', ['referralId', 'seq'])
export class LedgerEntryEntity {
  /** bigint: kept as a decimal string end to end. */
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'timestamptz' }) at: Date;
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
  @Column({ type: 'text', name: 'prev_hash' }) prevHash: string;
  @Column({ type: 'text', name: 'entry_hash' }) entryHash: string;
}
