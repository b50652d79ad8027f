import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyKind, UnitReader, unitsOfAgencySql, unitsOfProvinceSql } from '@simpul/agency';
import { decodeKeysetCursor, encodeCursor, pageSize } from '@simpul/common';
import { CLOCK, type Clock } from '@simpul/config';
import { Role, type Actor } from '@simpul/identity';
import type { Priority } from '@simpul/sla';
import { OverdueDeadline, type OverdueReferralModel } from '../models/overdue-referral.model';
import { ReferralStatus } from '../referral-enums';

interface OverdueRow {
  id: string;
  reference: string;
  status: ReferralStatus;
  priority: Priority;
  sent_at: Date;
  due_at: Date;
  escalation_level: number;
  from_unit_id: string;
  to_unit_id: string;
}

export interface OverduePage {
  items: { cursor: string; node: OverdueReferralModel }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The deadline a waiting referral is measured against (see isOverdue). */
const DUE_AT = `CASE WHEN r.status = 'REQUESTED' THEN r.acknowledge_by ELSE r.accept_by END`;

/**
 * Referrals still waiting past a deadline, the longest overdue first, for those who escalation
 * reaches (docs/access-model.md, "Overdue referrals"):
 *
 * - a SUPERVISOR sees those received by its agency's units (confidential ones too: it acts for
 *   those units);
 * - a SUPERVISOR of a Gugus Tugas sees besides those received by units of its province (a province
 *   code matches its regencies) — all provinces for GT-PUSAT, whose unit has no region — except
 *   confidential ones, which do not exist for non-parties;
 * - an AUDITOR sees all (it reads every referral already).
 */
@Injectable()
export class OverdueReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly units: UnitReader,
  ) {}

  async page(actor: Actor, first?: number | null, after?: string | null): Promise<OverduePage> {
    const limit = pageSize(first);
    const params: unknown[] = [this.clock.now()];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = [
      `((r.status = 'REQUESTED' AND r.acknowledge_by < $1)
        OR (r.status = 'RECEIVED' AND r.accept_by < $1))`,
      await this.scope(actor, bind),
    ];
    const counted = params.length;
    if (after) {
      const { time, id } = decodeKeysetCursor(after);
      where.push(`(${DUE_AT}, r.id) > (${bind(time)}::timestamptz, ${bind(id)}::uuid)`);
    }
    const from = `FROM referral r WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM referral r
        WHERE ${where.slice(0, 2).join(' AND ')}`,
      params.slice(0, counted),
    );
    const rows: OverdueRow[] = await this.dataSource.query(
      `SELECT r.id, r.reference, r.status, r.priority, r.sent_at, ${DUE_AT} AS due_at,
              r.escalation_level, r.from_unit_id, r.to_unit_id
         ${from} ORDER BY ${DUE_AT}, r.id LIMIT ${bind(limit + 1)}`,
      params,
    );
    return {
      items: rows.slice(0, limit).map((row) => ({
        cursor: encodeCursor([row.due_at.toISOString(), row.id]),
        node: {
          id: row.id,
          reference: row.reference,
          status: row.status,
          priority: row.priority,
          sentAt: row.sent_at,
          deadline:
            row.status === ReferralStatus.REQUESTED
              ? OverdueDeadline.ACKNOWLEDGE
              : OverdueDeadline.ACCEPT,
          dueAt: row.due_at,
          escalationLevel: row.escalation_level,
          fromUnitId: row.from_unit_id,
          toUnitId: row.to_unit_id,
        },
      })),
      hasNextPage: rows.length > limit,
      totalCount: total,
    };
  }

  /**
   * The SQL condition on `r` that limits the list to the caller's; the receiving unit's agency
   * and province are asked of the agency lib (its sub-selects over the unit table).
   */
  private async scope(actor: Actor, bind: (value: unknown) => string): Promise<string> {
    if (actor.roles.includes(Role.AUDITOR)) return 'TRUE';
    if (!actor.roles.includes(Role.SUPERVISOR)) return 'FALSE';
    const ownAgency = `r.to_unit_id IN (${unitsOfAgencySql(bind(actor.agencyId))})`;
    const unit = await this.units.placeOf(actor.unitId);
    if (unit?.agencyKind !== AgencyKind.GUGUS_TUGAS) return ownAgency;
    const province = unit.regionCode
      ? `r.to_unit_id IN (${unitsOfProvinceSql(bind(unit.regionCode.slice(0, 2)))})`
      : 'TRUE';
    return `(${ownAgency} OR (NOT r.confidential AND ${province}))`;
  }
}
