import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A unit that is a party of a case: the lead unit, or a sender/receiver of one of its referrals. */
@Entity('case_party')
@Index('case_party_unit_idx', ['unitId', 'caseId'])
export class CasePartyEntity {
  @ForeignKey('case', 'id', { name: 'case_party_case_id_fkey' })
  @PrimaryColumn({ type: 'uuid', name: 'case_id' })
  caseId: string;
  @ForeignKey('unit', 'id', { name: 'case_party_unit_id_fkey' })
  @PrimaryColumn({ type: 'uuid', name: 'unit_id' })
  unitId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) since: Date;
}
