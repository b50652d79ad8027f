import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { badInput, isUuid, loaderFor, type RequestContext } from '@simpul/common';
import { keysetPage, rankedKeysetPage } from '@simpul/database';
import { unitCodeSql } from '@simpul/agency';
import { CaseAccess } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import type { AlertStatus } from './alert-enums';
import { AlertAccess } from './alert-access';
import {
  AlertQueueOrder,
  alertUrgencyRankSql,
  NOT_AWAITING_RANK,
  openAlertSql,
} from './alert-queue-order';
import { AlertView } from './alert-visibility';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AlertEntity } from './entities/alert.entity';
import { toAlertDeliveryModel, toAlertModel } from './models/alert.mapper';
import type {
  AlertConnectionModel,
  AlertDeliveryModel,
  AlertEscalationModel,
  AlertModel,
} from './models/alert.model';

export interface AlertFilter {
  status?: AlertStatus[] | null;
  /**
   * Only alerts delivered or escalated to this unit (one the caller acts for; any unit for an
   * auditor).
   */
  unitId?: string | null;
  /** Only alerts the caller's units (or `unitId`) have — or have not — acknowledged. */
  acknowledged?: boolean | null;
  /** NEWEST_FIRST unless given. */
  order?: AlertQueueOrder | null;
  first?: number | null;
  after?: string | null;
}

/**
 * Reads alerts as the caller may see them (alert-visibility.ts): lists newest first, or those
 * awaiting the caller's acknowledgement first, with keyset cursors — ordered and paged in SQL over
 * every alert of every unit the caller acts for (a SUPERVISOR: its whole agency) — and batched
 * lookups for field resolvers.
 */
@Injectable()
export class AlertReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AlertAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async page(
    context: RequestContext,
    actor: Actor,
    filter: AlertFilter,
  ): Promise<AlertConnectionModel> {
    const units = await this.access.unitsIn(context, actor);
    const auditor = CaseAccess.isAuditor(actor);
    const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    if (filter.unitId != null && !(auditor || units.includes(filter.unitId))) {
      throw badInput('unitId', 'is not a unit you act for');
    }
    if (!auditor && !units.length) return empty;
    const query = this.dataSource.manager.createQueryBuilder(AlertEntity, 'a');
    if (!auditor) {
      query.andWhere(
        `(a.raised_by_unit_id = ANY(:units::uuid[]) OR EXISTS (SELECT 1 FROM alert_delivery d
           WHERE d.alert_id = a.id AND d.unit_id = ANY(:units::uuid[]))
          OR EXISTS (SELECT 1 FROM alert_escalation e
           WHERE e.alert_id = a.id AND e.unit_id = ANY(:units::uuid[])))`,
        { units },
      );
    }
    if (filter.status?.length)
      query.andWhere('a.status IN (:...status)', { status: filter.status });
    const receiving = filter.unitId != null ? [filter.unitId] : auditor ? null : units;
    if (filter.unitId != null) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM alert_delivery r WHERE r.alert_id = a.id AND r.unit_id = :unitId)
          OR EXISTS (SELECT 1 FROM alert_escalation x
                      WHERE x.alert_id = a.id AND x.unit_id = :unitId))`,
        { unitId: filter.unitId },
      );
    }
    if (filter.acknowledged != null) {
      // A unit the alert escalated to counts by its own acknowledgement, as a receiving unit does.
      const ack = filter.acknowledged ? 'NOT NULL' : 'NULL';
      const ofUnits = (alias: string) =>
        receiving ? `AND ${alias}.unit_id = ANY(:receiving::uuid[])` : '';
      query.andWhere(
        `(EXISTS (SELECT 1 FROM alert_delivery k WHERE k.alert_id = a.id ${ofUnits('k')}
           AND k.acknowledged_at IS ${ack})
          OR EXISTS (SELECT 1 FROM alert_escalation y WHERE y.alert_id = a.id ${ofUnits('y')}
           AND y.acknowledged_at IS ${ack}))`,
        { receiving },
      );
    }
    const page = {
      column: 'a.raised_at',
      idColumn: 'a.id',
      timeOf: (alert: AlertEntity) => alert.raisedAt,
    };
    const {
      items: rows,
      hasNextPage,
      totalCount,
    } = filter.order === AlertQueueOrder.URGENT_FIRST
      ? await rankedKeysetPage(
          query.setParameter('rankUnits', receiving),
          {
            ...page,
            rankSql: () => alertUrgencyRankSql('a', receiving ? ':rankUnits::uuid[]' : null),
            restRank: NOT_AWAITING_RANK,
            rankedOnlySql: openAlertSql('a'),
          },
          this.clock.now(),
          filter.first,
          filter.after,
        )
      : await keysetPage(query, page, filter.first, filter.after);
    const models = await this.modelsIn(
      context,
      actor,
      rows.map((row) => row.entity),
    );
    const edges = models.flatMap((node, i) => (node ? [{ cursor: rows[i].cursor, node }] : []));
    return {
      edges,
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  /** The alerts as the caller sees them; null where it may not. */
  async modelsIn(
    context: RequestContext,
    actor: Actor,
    alerts: readonly AlertEntity[],
  ): Promise<(AlertModel | null)[]> {
    const units = await this.access.unitsIn(context, actor);
    const views = await this.access.viewsOf(actor, alerts, units);
    return alerts.map((alert, i) => {
      const { view } = views[i];
      return view === AlertView.NONE ? null : toAlertModel(alert, view);
    });
  }

  /** One alert for the caller, or null (batched within the request). */
  async visible(
    context: RequestContext,
    actor: Actor,
    alertId: string,
  ): Promise<AlertModel | null> {
    if (!isUuid(alertId)) return null;
    const loader = loaderFor<AlertModel>(context, 'alert.alert', async (ids) => {
      const found = await this.dataSource.manager.findBy(AlertEntity, { id: In([...ids]) });
      const models = await this.modelsIn(context, actor, found);
      const byId = new Map(found.map((alert, i) => [alert.id, models[i]]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return loader.load(alertId);
  }

  /** The deliveries of an alert the caller already sees, in unit-code order (batched). */
  deliveriesOf(context: RequestContext, alertId: string): Promise<AlertDeliveryModel[]> {
    const loader = loaderFor<AlertDeliveryModel[]>(context, 'alert.deliveries', async (ids) => {
      const rows = await this.dataSource.manager
        .createQueryBuilder(AlertDeliveryEntity, 'd')
        .where('d.alert_id IN (:...ids)', { ids })
        .orderBy(unitCodeSql('d.unit_id'))
        .getMany();
      return ids.map((id) => rows.filter((row) => row.alertId === id).map(toAlertDeliveryModel));
    });
    return loader.load(alertId).then((rows) => rows ?? []);
  }

  /** The units an alert the caller already sees escalated to, lowest level first (batched). */
  escalationsOf(context: RequestContext, alertId: string): Promise<AlertEscalationModel[]> {
    const loader = loaderFor<AlertEscalationModel[]>(context, 'alert.escalations', async (ids) => {
      const rows: {
        alert_id: string;
        unit_id: string;
        level: number;
        escalated_at: Date;
        acknowledged_at: Date | null;
        acknowledged_by_id: string | null;
      }[] = await this.dataSource.query(
        `SELECT e.alert_id, e.unit_id, e.level, e.escalated_at, e.acknowledged_at,
                e.acknowledged_by_id
           FROM alert_escalation e
          WHERE e.alert_id = ANY($1::uuid[]) ORDER BY e.level, ${unitCodeSql('e.unit_id')}`,
        [ids],
      );
      return ids.map((id) =>
        rows
          .filter((row) => row.alert_id === id)
          .map((row) => ({
            alertId: row.alert_id,
            unitId: row.unit_id,
            level: row.level,
            escalatedAt: row.escalated_at,
            acknowledgedAt: row.acknowledged_at,
            acknowledgedById: row.acknowledged_by_id,
          })),
      );
    });
    return loader.load(alertId).then((rows) => rows ?? []);
  }
}
