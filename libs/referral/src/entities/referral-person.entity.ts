import { Entity, PrimaryColumn } from 'typeorm';

/** Persons of the case whose identity travels with a referral (need-to-know). */
@Entity('referral_person')
export class ReferralPersonEntity {
  @PrimaryColumn({ type: 'uuid', name: 'referral_id' }) referralId: string;
  @PrimaryColumn({ type: 'uuid', name: 'person_id' }) personId: string;
}
