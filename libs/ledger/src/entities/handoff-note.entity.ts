import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The free text of a ledger entry's note; the entry itself holds only its digest. */
@Entity('handoff_note')
export class HandoffNoteEntity {
  @PrimaryColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'text' }) text: string;
}
