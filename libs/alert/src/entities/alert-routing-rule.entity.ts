import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExploitationType } from '@simpul/case';
import type { AlertType, Severity } from '../alert-enums';

/**
 * Which units receive an alert (libs/alert/src/alert-routing.ts decides a match). Empty lists and
 * null codes match everything. Deleting marks `deletedAt`: the row stays, so the reference rule
 * seeded under its `code` does not come back on the next start.
 */
@Entity('alert_routing_rule')
export class AlertRoutingRuleEntity {
  @PrimaryColumn('uuid') id: string;
  /** Set for the reference rules the seed loads; null for rules an ADMIN made. */
  @Column({ type: 'text', nullable: true, unique: true }) code: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', name: 'alert_types', array: true }) alertTypes: AlertType[];
  @Column({ type: 'text', name: 'min_severity' }) minSeverity: Severity;
  @Column({ type: 'text', name: 'region_code', nullable: true }) regionCode: string | null;
  @Column({ type: 'text', name: 'country_code', nullable: true }) countryCode: string | null;
  @Column({ type: 'boolean', name: 'abroad_only' }) abroadOnly: boolean;
  @Column({ type: 'text', name: 'exploitation_types', array: true })
  exploitationTypes: ExploitationType[];
  @Column({ type: 'uuid', name: 'unit_ids', array: true }) unitIds: string[];
  @Column({ type: 'boolean', name: 'missions_in_country' }) missionsInCountry: boolean;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true }) deletedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
