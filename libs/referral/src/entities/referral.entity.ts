import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Priority } from '@simpul/sla';
import type {
  DeliveryState,
  LawfulBasis,
  ReferralStatus,
  RejectionReason,
  ServiceType,
} from '../referral-enums';

@Entity('referral')
@Index('referral_case_idx', ['caseId'])
@Index('referral_inbox_idx', ['toUnitId', 'sentAt', 'id'])
@Index('referral_sent_idx', ['fromUnitId', 'sentAt', 'id'])
export class ReferralEntity {
  /** Given by the use case so an idempotency key can be claimed before the insert. */
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) reference: string;
  @ForeignKey('case', 'id', { name: 'referral_case_id_fkey' })
  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;
  @ForeignKey('unit', 'id', { name: 'referral_from_unit_id_fkey' })
  @Column({ type: 'uuid', name: 'from_unit_id' })
  fromUnitId: string;
  @ForeignKey('unit', 'id', { name: 'referral_to_unit_id_fkey' })
  @Column({ type: 'uuid', name: 'to_unit_id' })
  toUnitId: string;
  @ForeignKey('officer', 'id', { name: 'referral_sent_by_id_fkey' })
  @Column({ type: 'uuid', name: 'sent_by_id' })
  sentById: string;
  @ForeignKey('officer', 'id', { name: 'referral_accepted_by_id_fkey' })
  @Column({ type: 'uuid', name: 'accepted_by_id', nullable: true })
  acceptedById: string | null;
  @Column({ type: 'text', array: true }) services: ServiceType[];
  @Column({ type: 'text' }) priority: Priority;
  @Column({ type: 'text' }) status: ReferralStatus;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', name: 'rejection_reason', nullable: true })
  rejectionReason: RejectionReason | null;
  @Column({ type: 'text', name: 'status_note', nullable: true }) statusNote: string | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'text', default: 'PENDING' }) delivery: DeliveryState;
  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'timestamptz', name: 'sent_at' }) sentAt: Date;
  @Column({ type: 'timestamptz', name: 'acknowledge_by' }) acknowledgeBy: Date;
  @Column({ type: 'timestamptz', name: 'accept_by' }) acceptBy: Date;
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** When the referral was put ON_HOLD; resuming moves the deadlines by the time held. */
  @Column({ type: 'timestamptz', name: 'held_at', nullable: true }) heldAt: Date | null;
  @Column({ type: 'int', name: 'escalation_level', default: 0 }) escalationLevel: number;
  @ForeignKey('referral', 'id', { name: 'referral_redirected_from_id_fkey' })
  @Column({ type: 'uuid', name: 'redirected_from_id', nullable: true })
  redirectedFromId: string | null;
  @ForeignKey('referral', 'id', { name: 'referral_redirected_to_id_fkey' })
  @Column({ type: 'uuid', name: 'redirected_to_id', nullable: true })
  redirectedToId: string | null;
  /** Why identity travels with this referral (UU 27/2022); set when it names persons. */
  @Column({ type: 'text', name: 'lawful_basis', nullable: true }) lawfulBasis: LawfulBasis | null;
  @Column({ type: 'text', name: 'consent_reference', nullable: true })
  consentReference: string | null;
  /** Changes only when the status changes (contract): delivery and escalation leave it alone. */
  @Column({ type: 'int', default: 1 }) version: number;
}
