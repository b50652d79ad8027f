import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from '@simpul/common';
import { AgencyEntity } from './agency.entity';

@Entity('unit')
@Index('unit_agency_idx', ['agencyId'])
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, (agency) => agency.units)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'unit_agency_id_fkey' })
  agency?: Relation<AgencyEntity>;
  @Column({ type: 'text', name: 'region_code', nullable: true }) regionCode: string | null;
  @Column({ type: 'text', name: 'country_code', nullable: true }) countryCode: string | null;
  @Column({ type: 'text', name: 'time_zone' }) timeZone: string;
}
