import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** Persons of the case whose identity travels with a referral (need-to-know). */
@Entity('referral_person')
export class ReferralPersonEntity {
  @ForeignKey('referral', 'id', { name: 'referral_person_referral_id_fkey' })
  @PrimaryColumn({ type: 'uuid', name: 'referral_id' })
  referralId: string;
  @ForeignKey('person', 'id', { name: 'referral_person_person_id_fkey' })
  @PrimaryColumn({ type: 'uuid', name: 'person_id' })
  personId: string;
}
