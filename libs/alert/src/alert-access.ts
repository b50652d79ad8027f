import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { forbidden, isUuid, notFound, type RequestContext } from '@simpul/common';
import { CaseAccess } from '@simpul/case';
import { Role, type Actor } from '@simpul/identity';
import { AlertEntity } from './entities/alert.entity';
import { alertView, AlertView } from './alert-visibility';

/** Roles that act on alerts; AUDITOR and ADMIN read (or manage routing) only. */
const ACTING_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

/** An alert the caller may see, with how it sees it and the units it went to. */
export interface VisibleAlert {
  alert: AlertEntity;
  view: AlertView.FULL | AlertView.AUDIT;
  receivingUnitIds: string[];
}

/**
 * Applies alert-visibility.ts with the facts read from PostgreSQL: the caller's casework units
 * (CaseAccess: a SUPERVISOR acts for its agency's units, an ADMIN for none) and the alert's
 * raising and receiving units.
 */
@Injectable()
export class AlertAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
  ) {}

  unitsOf(actor: Actor, manager?: EntityManager): Promise<string[]> {
    return this.cases.caseworkUnitIds(actor, manager);
  }

  unitsIn(context: RequestContext, actor: Actor): Promise<string[]> {
    return this.cases.caseworkUnitsIn(context, actor);
  }

  async receivingUnitIds(
    alertIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const rows: { alert_id: string; unit_ids: string[] }[] = alertIds.length
      ? await manager.query(
          `SELECT alert_id, array_agg(unit_id) AS unit_ids FROM alert_delivery
            WHERE alert_id = ANY($1::uuid[]) GROUP BY alert_id`,
          [alertIds],
        )
      : [];
    return new Map(rows.map((row) => [row.alert_id, row.unit_ids]));
  }

  /** The views of these alerts for the caller (NONE for the ones it may not see). */
  async viewsOf(
    actor: Actor,
    alerts: readonly AlertEntity[],
    units: readonly string[],
    manager?: EntityManager,
  ): Promise<{ view: AlertView; receivingUnitIds: string[] }[]> {
    const receivers = await this.receivingUnitIds(
      alerts.map((a) => a.id),
      manager,
    );
    const viewer = { auditor: CaseAccess.isAuditor(actor), actingUnitIds: units };
    return alerts.map((alert) => {
      const receivingUnitIds = receivers.get(alert.id) ?? [];
      return {
        view: alertView(viewer, { raisedByUnitId: alert.raisedByUnitId, receivingUnitIds }),
        receivingUnitIds,
      };
    });
  }

  /**
   * The alert if the caller may see it, else NOT_FOUND (existence does not leak). `lock` takes the
   * row for update: transitions of one alert serialise on it.
   */
  async visible(
    actor: Actor,
    alertId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<VisibleAlert> {
    if (!isUuid(alertId)) throw notFound('Alert');
    const query = manager
      .createQueryBuilder(AlertEntity, 'a')
      .where('a.id = :alertId', { alertId });
    if (lock) query.setLock('pessimistic_write');
    const alert = await query.getOne();
    if (!alert) throw notFound('Alert');
    const units = await this.unitsOf(actor, manager);
    const [{ view, receivingUnitIds }] = await this.viewsOf(actor, [alert], units, manager);
    if (view === AlertView.NONE) throw notFound('Alert');
    return { alert, view, receivingUnitIds };
  }

  /**
   * For a transition: the alert locked, seen in full by a caller with an acting role. An auditor
   * sees it but may not act: FORBIDDEN.
   */
  async actable(actor: Actor, alertId: string, manager: EntityManager): Promise<VisibleAlert> {
    const found = await this.visible(actor, alertId, manager, true);
    if (found.view !== AlertView.FULL || !actor.roles.some((r) => ACTING_ROLES.includes(r))) {
      throw forbidden('Only officers of the raising or a receiving unit act on an alert');
    }
    return found;
  }

  static mayAct(actor: Actor): boolean {
    return actor.roles.some((r) => ACTING_ROLES.includes(r));
  }
}
