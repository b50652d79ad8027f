import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Sex } from '../case-enums';

/**
 * A (presumed) victim on a case. The identity is sealed (PersonalDataCipher, bound to the id) and
 * opened only for parties with need-to-know; NIK and passport are searchable through keyed hashes.
 */
@Entity('person')
@Unique('person_case_id_position_key', ['caseId', 'position'])
@Index('person_national_id_hmac_idx', ['nationalIdHmac'], { where: 'national_id_hmac IS NOT NULL' })
@Index('person_passport_hmac_idx', ['passportHmac'], { where: 'passport_hmac IS NOT NULL' })
@Index('person_identity_key_idx', ['identityKeyId'])
export class PersonEntity {
  /** Generated before the insert: the sealed identity is bound to it. */
  @PrimaryColumn('uuid') id: string;
  @ForeignKey('case', 'id', { name: 'person_case_id_fkey' })
  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;
  /** 1-based order within the case; the label "Korban N" is derived from it. */
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'text' }) sex: Sex;
  /** A child at the time the case recorded them (from the birth date, or flagged). */
  @Column({ type: 'boolean', name: 'is_child' }) isChild: boolean;
  @Column({ type: 'text', name: 'identity_sealed' }) identitySealed: string;
  @Column({ type: 'text', name: 'identity_key_id' }) identityKeyId: string;
  @Column({ type: 'text', name: 'national_id_hmac', nullable: true }) nationalIdHmac: string | null;
  @Column({ type: 'text', name: 'passport_hmac', nullable: true }) passportHmac: string | null;
}
