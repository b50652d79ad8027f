import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryState } from '@simpul/referral';

/** One receiving unit of an alert: delivered by the worker, acknowledged by the unit. */
@Entity('alert_delivery')
export class AlertDeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'alert_id' }) alertId: string;
  @Column({ type: 'uuid', name: 'unit_id' }) unitId: string;
  @Column({ type: 'text' }) delivery: DeliveryState;
  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;
  @Column({ type: 'uuid', name: 'acknowledged_by_id', nullable: true })
  acknowledgedById: string | null;
}
