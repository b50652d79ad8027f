import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@simpul/config';
import { slaStateSql } from '@simpul/sla';
import type { InsightScope } from './insight-scope';

export interface AgencyHandoffRow {
  agencyId: string;
  received: number;
  accepted: number;
  rejected: number;
  redirected: number;
  breached: number;
  medianMinutesToReceive: number | null;
  medianMinutesToAccept: number | null;
}

/**
 * Missed a deadline: computeSla's BREACHED, through its SQL twin (libs/sla, slaStateSql) at the
 * reading clock's time ($4). A referral held after acceptance, which computeSla calls PAUSED,
 * counts by its acceptance; one held before it (no accepted_at) has its accept deadline paused, so
 * it has missed nothing (yet).
 */
const BREACHED = `(${slaStateSql('r', '$4::timestamptz')} = 'BREACHED'
  OR (r.status = 'ON_HOLD' AND r.accepted_at > r.accept_by))`;

const MINUTES = (to: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${to} - r.sent_at) / 60)`;

/**
 * handoffStats: per receiving agency, the referrals sent to its units in [from, to) — one GROUP
 * BY in PostgreSQL, never the rows in Node. "Received" counts referrals addressed to the agency;
 * time to receive runs from sending to the receipt (Tanda terima; accepting directly counts as
 * receiving), time to accept from sending to the handoff.
 */
@Injectable()
export class HandoffStatsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async perAgency(
    scope: InsightScope,
    from: Date | null,
    to: Date | null,
  ): Promise<AgencyHandoffRow[]> {
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT u.agency_id,
              count(*)::int AS received,
              count(r.accepted_at)::int AS accepted,
              count(*) FILTER (WHERE r.status = 'REJECTED')::int AS rejected,
              count(*) FILTER (WHERE r.status = 'REDIRECTED')::int AS redirected,
              count(*) FILTER (WHERE ${BREACHED})::int AS breached,
              ${MINUTES('r.acknowledged_at')} AS median_minutes_to_receive,
              ${MINUTES('r.accepted_at')} AS median_minutes_to_accept
         FROM referral r
         JOIN unit u ON u.id = r.to_unit_id
         JOIN "case" c ON c.id = r.case_id
        WHERE ($1::timestamptz IS NULL OR r.sent_at >= $1)
          AND ($2::timestamptz IS NULL OR r.sent_at < $2)
          AND ($3::text IS NULL OR left(c.region_code, 2) = $3)
        GROUP BY u.agency_id`,
      [from, to, scope.provinceCode, this.clock.now()],
    );
    return rows.map((row) => ({
      agencyId: String(row.agency_id),
      received: Number(row.received),
      accepted: Number(row.accepted),
      rejected: Number(row.rejected),
      redirected: Number(row.redirected),
      breached: Number(row.breached),
      medianMinutesToReceive: nullableNumber(row.median_minutes_to_receive),
      medianMinutesToAccept: nullableNumber(row.median_minutes_to_accept),
    }));
  }
}

export const nullableNumber = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
