import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from '../role';

/** Foreign keys name tables, not entities: the schema's facts, no import of another lib. */
@Entity('officer')
@Index('officer_unit_idx', ['unitId', 'username'])
export class OfficerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ type: 'text', name: 'display_name' }) displayName: string;
  @Column({ type: 'text', name: 'password_hash' }) passwordHash: string;
  @Column({ type: 'text', array: true }) roles: Role[];
  @ForeignKey('unit', 'id', { name: 'officer_unit_id_fkey' })
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
