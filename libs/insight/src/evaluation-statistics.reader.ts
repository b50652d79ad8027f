import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nullableNumber } from './handoff-stats.reader';
import type { InsightScope } from './insight-scope';
import type { MonthRange } from './month-range';

/** A cell before suppression: every count present. */
export interface RawEvaluationCell {
  month: string;
  provinceCode: string | null;
  exploitationType: string;
  agencyCode: string;
  persons: number;
  casesOpened: number;
  referrals: number;
  accepted: number;
  medianMinutesToAccept: number | null;
  completed: number;
  failed: number;
  rejected: number;
  redirected: number;
}

/**
 * The evaluation statistics' cells, aggregated in PostgreSQL. Facts are cases opened (agency: the
 * lead unit's) and referrals sent (agency: the receiving unit's) in the months asked, each under
 * every exploitation type of its case and the case's province. Persons are counted apart from
 * the other measures so that a median is not weighted by how many persons a case has.
 */
@Injectable()
export class EvaluationStatisticsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cells(scope: InsightScope, range: MonthRange): Promise<RawEvaluationCell[]> {
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `WITH bounds AS (
         SELECT ($1 || '-01')::timestamp AT TIME ZONE 'Asia/Jakarta' AS lower,
                (($2 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Jakarta' AS upper
       ),
       facts AS (
         SELECT to_char(c.opened_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
                coalesce(left(c.region_code, 2), '') AS province, t.type AS exploitation_type,
                u.agency_id, c.id AS case_id, NULL::uuid AS referral_id
           FROM "case" c CROSS JOIN bounds b
           CROSS JOIN LATERAL unnest(c.exploitation_types) AS t(type)
           JOIN unit u ON u.id = c.lead_unit_id
          WHERE c.opened_at >= b.lower AND c.opened_at < b.upper
         UNION ALL
         SELECT to_char(r.sent_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM'),
                coalesce(left(c.region_code, 2), ''), t.type, u.agency_id, c.id, r.id
           FROM referral r CROSS JOIN bounds b
           JOIN "case" c ON c.id = r.case_id
           CROSS JOIN LATERAL unnest(c.exploitation_types) AS t(type)
           JOIN unit u ON u.id = r.to_unit_id
          WHERE r.sent_at >= b.lower AND r.sent_at < b.upper
       ),
       scoped AS (
         SELECT * FROM facts WHERE $3::text IS NULL OR province = $3
       ),
       persons AS (
         SELECT s.month, s.province, s.exploitation_type, s.agency_id,
                count(DISTINCT p.id)::int AS persons
           FROM scoped s JOIN person p ON p.case_id = s.case_id
          GROUP BY 1, 2, 3, 4
       ),
       measures AS (
         SELECT s.month, s.province, s.exploitation_type, s.agency_id,
                count(DISTINCT s.case_id) FILTER (WHERE s.referral_id IS NULL)::int AS cases_opened,
                count(s.referral_id)::int AS referrals,
                count(r.accepted_at)::int AS accepted,
                percentile_cont(0.5) WITHIN GROUP
                  (ORDER BY extract(epoch FROM r.accepted_at - r.sent_at) / 60) AS median_minutes_to_accept,
                count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS completed,
                count(*) FILTER (WHERE r.status = 'FAILED')::int AS failed,
                count(*) FILTER (WHERE r.status = 'REJECTED')::int AS rejected,
                count(*) FILTER (WHERE r.status = 'REDIRECTED')::int AS redirected
           FROM scoped s LEFT JOIN referral r ON r.id = s.referral_id
          GROUP BY 1, 2, 3, 4
       )
       SELECT m.*, coalesce(p.persons, 0) AS persons, a.code AS agency_code
         FROM measures m
         JOIN agency a ON a.id = m.agency_id
         LEFT JOIN persons p USING (month, province, exploitation_type, agency_id)
        ORDER BY m.month, m.province, m.exploitation_type, a.code`,
      [range.fromMonth, range.toMonth, scope.provinceCode],
    );
    return rows.map((row) => ({
      month: String(row.month),
      provinceCode: row.province ? String(row.province) : null,
      exploitationType: String(row.exploitation_type),
      agencyCode: String(row.agency_code),
      persons: Number(row.persons),
      casesOpened: Number(row.cases_opened),
      referrals: Number(row.referrals),
      accepted: Number(row.accepted),
      medianMinutesToAccept: nullableNumber(row.median_minutes_to_accept),
      completed: Number(row.completed),
      failed: Number(row.failed),
      rejected: Number(row.rejected),
      redirected: Number(row.redirected),
    }));
  }
}
