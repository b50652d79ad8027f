import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The free text of a ledger entry's note; the entry itself holds only its digest. */
@Entity('handoff_note')
export class HandoffNoteEntity {
  @ForeignKey('ledger_entry', 'seq', { name: 'handoff_note_seq_fkey' })
  @PrimaryColumn({ type: 'bigint' })
  seq: string;
  @Column({ type: 'text' }) text: string;
}
