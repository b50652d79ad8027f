import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit that is a party of a case: the lead unit, or a sender/receiver of one of its referrals. */
@Entity('case_party')
export class CasePartyEntity {
  @PrimaryColumn({ type: 'uuid', name: 'case_id' }) caseId: string;
  @PrimaryColumn({ type: 'uuid', name: 'unit_id' }) unitId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) since: Date;
}
