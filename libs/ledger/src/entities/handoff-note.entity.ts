import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The free text of a ledger entry's note; the entry itself holds only its digest. */
@Entity('handoff_note')
export class HandoffNoteEntity {
  /** The entry's id (not its seq: the note is written before the entry is sealed). */
  @PrimaryColumn({ type: 'bigint', name: 'entry_id' }) entryId: string;
  @Column({ type: 'text' }) text: string;
}
