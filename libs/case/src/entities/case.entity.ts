import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus, ExploitationType } from '../case-enums';

@Entity('case')
@Index('case_lead_unit_idx', ['leadUnitId', 'openedAt', 'id'])
export class CaseEntity {
  /**
   * Given by the use case so an idempotency key can be claimed first (the table would generate
   * one when none is given, as its migration says).
   */
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) reference: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'text' }) status: CaseStatus;
  @Column({ type: 'text', array: true, name: 'exploitation_types' })
  exploitationTypes: ExploitationType[];
  @ForeignKey('unit', 'id', { name: 'case_lead_unit_id_fkey' })
  @Column({ type: 'uuid', name: 'lead_unit_id' })
  leadUnitId: string;
  @Column({ type: 'text', name: 'region_code', nullable: true }) regionCode: string | null;
  @ForeignKey('officer', 'id', { name: 'case_opened_by_id_fkey' })
  @Column({ type: 'uuid', name: 'opened_by_id' })
  openedById: string;
  @Column({ type: 'timestamptz', name: 'opened_at' }) openedAt: Date;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** Sealed; only POLRI parties read or write it. Not loaded unless asked for. */
  @Column({ type: 'text', name: 'police_notes_sealed', nullable: true, select: false })
  policeNotesSealed?: string | null;
}
