import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Sex } from '../case-enums';

/**
 * A (presumed) victim on a case. Identity columns hold personal data: they are returned only to
 * parties with need-to-know and never written to logs, the ledger, jobs or errors.
 */
@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  /** 1-based order within the case; the label "Korban N" is derived from it. */
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'text', name: 'full_name' }) fullName: string;
  @Column({ type: 'text' }) sex: Sex;
  @Column({ type: 'date', name: 'birth_date', nullable: true }) birthDate: string | null;
  @Column({ type: 'text', name: 'national_id', nullable: true }) nationalId: string | null;
  @Column({ type: 'text', name: 'passport_number', nullable: true }) passportNumber: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'boolean', name: 'is_child' }) isChild: boolean;
}
