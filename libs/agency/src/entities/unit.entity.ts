import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from '@simpul/common';
import { AgencyEntity } from './agency.entity';

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'uuid', name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity, (agency) => agency.units)
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<AgencyEntity>;
  @Column({ type: 'text', name: 'region_code', nullable: true }) regionCode: string | null;
  @Column({ type: 'text', name: 'country_code', nullable: true }) countryCode: string | null;
  @Column({ type: 'text', name: 'time_zone' }) timeZone: string;
}
