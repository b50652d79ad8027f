import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccessBasis = 'LEAD_UNIT' | 'REFERRAL';

/** One read of a person's identity fields (UU 27/2022: accountability for every disclosure). */
@Entity('person_access')
export class PersonAccessEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'uuid', name: 'officer_id' }) officerId: string;
  @Column({ type: 'uuid', name: 'unit_id' }) unitId: string;
  @Column({ type: 'uuid', name: 'person_id' }) personId: string;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column({ type: 'uuid', name: 'referral_id', nullable: true }) referralId: string | null;
  @Column({ type: 'text' }) basis: AccessBasis;
}
