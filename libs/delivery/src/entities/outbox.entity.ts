import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * Work to hand to BullMQ, written in the same transaction as the change that caused it. The relay
 * moves rows into the queue (jobId derived from `id`, so a re-drive never doubles a job) and stamps
 * `dispatchedAt`.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  /** The BullMQ job id: unique across restores and databases, unlike `id`. */
  @Column({ type: 'uuid', name: 'job_key' })
  @Generated('uuid')
  jobKey: string;
  @Column({ type: 'text' }) queue: string;
  @Column({ type: 'text', name: 'job_name' }) jobName: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'int', name: 'delay_ms', default: 0 }) delayMs: number;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'dispatched_at', nullable: true }) dispatchedAt: Date | null;
}
