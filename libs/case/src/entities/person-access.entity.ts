import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AccessBasis = 'LEAD_UNIT' | 'REFERRAL';

/** One read of a person's identity fields (UU 27/2022: accountability for every disclosure). */
@Entity('person_access')
@Index('person_access_person_idx', ['personId', 'at'])
export class PersonAccessEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @ForeignKey('officer', 'id', { name: 'person_access_officer_id_fkey' })
  @Column({ type: 'uuid', name: 'officer_id' })
  officerId: string;
  @ForeignKey('unit', 'id', { name: 'person_access_unit_id_fkey' })
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;
  @ForeignKey('person', 'id', { name: 'person_access_person_id_fkey' })
  @Column({ type: 'uuid', name: 'person_id' })
  personId: string;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column({ type: 'uuid', name: 'referral_id', nullable: true }) referralId: string | null;
  @Column({ type: 'text' }) basis: AccessBasis;
}
