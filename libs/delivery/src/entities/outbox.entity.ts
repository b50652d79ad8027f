import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work to hand to BullMQ, written in the same transaction as the change that caused it. The relay
 * moves rows into the queue (jobId `outbox-<job_key>`) and leases them; the job marks its row done
 * in the transaction of its effect. A row not done when its lease runs out is dispatched again; a
 * row that keeps failing is parked for an ADMIN (docs/adr/0009-outbox-done-on-effect.md).
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  /** The BullMQ job id: unique across restores and databases, unlike `id`. */
  @Column({ type: 'uuid', name: 'job_key' }) jobKey: string;
  @Column({ type: 'text' }) queue: string;
  @Column({ type: 'text', name: 'job_name' }) jobName: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'int', name: 'delay_ms', default: 0 }) delayMs: number;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  /** When the relay last handed the job to BullMQ. */
  @Column({ type: 'timestamptz', name: 'dispatched_at', nullable: true }) dispatchedAt: Date | null;
  /** When the job's effect committed; the row is finished. */
  @Column({ type: 'timestamptz', name: 'done_at', nullable: true }) doneAt: Date | null;
  /** Not done by then: dispatched again. NULL: due now. */
  @Column({ type: 'timestamptz', name: 'lease_expires_at', nullable: true })
  leaseExpiresAt: Date | null;
  @Column({ type: 'int', name: 'dispatch_count', default: 0 }) dispatchCount: number;
  /** Failed attempts caused by the row itself (refused by BullMQ, job failed for good). */
  @Column({ type: 'int', default: 0 }) failures: number;
  /** The last such failure: an error class and message, never a payload. */
  @Column({ type: 'text', name: 'last_error', nullable: true }) lastError: string | null;
  /** Set aside after too many failures; relayed again only when an ADMIN replays it. */
  @Column({ type: 'timestamptz', name: 'parked_at', nullable: true }) parkedAt: Date | null;
}
