import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sex } from '../case-enums';

/**
 * A (presumed) victim on a case. The identity is sealed (PersonalDataCipher, bound to the id) and
 * opened only for parties with need-to-know; NIK and passport are searchable through keyed hashes.
 */
@Entity('person')
export class PersonEntity {
  /** Generated before the insert: the sealed identity is bound to it. */
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
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
