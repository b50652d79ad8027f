import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from '@simpul/common';
import { AgencyKind } from '../agency-kind';
import { UnitEntity } from './unit.entity';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: AgencyKind;
  @OneToMany(() => UnitEntity, (unit) => unit.agency) units?: Relation<UnitEntity[]>;
}
