import { Injectable } from '@nestjs/common';
import { forbidden, isUuid, notFound, type RequestContext } from '@simpul/common';
import { CaseAccess } from '@simpul/case';
import { Role, type Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import { AlertEntity } from './entities/alert.entity';
import { alertActs, alertView, AlertView, type AlertSides } from './alert-visibility';

/** Roles that act on alerts; AUDITOR and ADMIN read (or manage routing) only. */
const ACTING_ROLES: readonly Role[] = [Role.DESK_OFFICER, Role.SUPERVISOR, Role.INVESTIGATOR];

/** An alert the caller may see, with how it sees it and the units it went and escalated to. */
export interface VisibleAlert {
  alert: AlertEntity;
  view: AlertView.FULL | AlertView.AUDIT;
  receivingUnitIds: string[];
  escalatedToUnitIds: string[];
}

type UnitsOfAlert = Pick<AlertSides, 'receivingUnitIds' | 'escalatedToUnitIds'> & {
  receivingUnitIds: string[];
  escalatedToUnitIds: string[];
};

/** What a transition needs the caller to be (alert-visibility.ts, alertActs). */
export type AlertAct = 'close' | 'acknowledge';

/**
 * Applies alert-visibility.ts with the facts read from PostgreSQL: the caller's casework units
 * (CaseAccess: a SUPERVISOR acts for its agency's units, an ADMIN for none) and the alert's
 * raising and receiving units.
 */
@Injectable()
export class AlertAccess {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cases: CaseAccess,
  ) {}

  /**
   * The units the caller reads and acts on alerts for: its casework units, and none for an officer
   * with no acting role — an AUDITOR reads every alert without its text (AlertView.AUDIT) whatever
   * its unit is, even one alerts reach (the demo auditor sits in GT-PUSAT, the fallback receiver).
   */
  async unitsOf(actor: Actor): Promise<string[]> {
    return AlertAccess.mayAct(actor) ? this.cases.caseworkUnitIds(actor) : [];
  }

  async unitsIn(context: RequestContext, actor: Actor): Promise<string[]> {
    return AlertAccess.mayAct(actor) ? this.cases.caseworkUnitsIn(context, actor) : [];
  }

  async receivingUnitIds(alertIds: readonly string[]): Promise<Map<string, string[]>> {
    const units = await this.unitsOfAlerts(alertIds);
    return new Map([...units].map(([id, sides]) => [id, sides.receivingUnitIds]));
  }

  /** Every unit an alert concerns now: the raising unit aside, those it went and escalated to. */
  async concernedUnitIds(alertId: string): Promise<string[]> {
    const sides = (await this.unitsOfAlerts([alertId])).get(alertId);
    return sides ? [...sides.receivingUnitIds, ...sides.escalatedToUnitIds] : [];
  }

  /** The receiving units (alert_delivery) and the units escalated to (alert_escalation). */
  async unitsOfAlerts(alertIds: readonly string[]): Promise<Map<string, UnitsOfAlert>> {
    const rows: { alert_id: string; receiving: string[]; escalated: string[] }[] = alertIds.length
      ? await this.tx.manager.query(
          `SELECT a.id AS alert_id,
                  ARRAY(SELECT d.unit_id FROM alert_delivery d WHERE d.alert_id = a.id) AS receiving,
                  ARRAY(SELECT e.unit_id FROM alert_escalation e WHERE e.alert_id = a.id) AS escalated
             FROM unnest($1::uuid[]) AS a(id)`,
          [alertIds],
        )
      : [];
    return new Map(
      rows.map((row) => [
        row.alert_id,
        { receivingUnitIds: row.receiving, escalatedToUnitIds: row.escalated },
      ]),
    );
  }

  /** The views of these alerts for the caller (NONE for the ones it may not see). */
  async viewsOf(
    actor: Actor,
    alerts: readonly AlertEntity[],
    units: readonly string[],
  ): Promise<({ view: AlertView } & UnitsOfAlert)[]> {
    const sides = await this.unitsOfAlerts(alerts.map((a) => a.id));
    const viewer = { auditor: CaseAccess.isAuditor(actor), actingUnitIds: units };
    return alerts.map((alert) => {
      const found = sides.get(alert.id) ?? { receivingUnitIds: [], escalatedToUnitIds: [] };
      return {
        view: alertView(viewer, { raisedByUnitId: alert.raisedByUnitId, ...found }),
        ...found,
      };
    });
  }

  /**
   * The alert if the caller may see it, else NOT_FOUND (existence does not leak). `lock` takes the
   * row for update: transitions of one alert serialise on it.
   */
  async visible(actor: Actor, alertId: string, lock = false): Promise<VisibleAlert> {
    if (!isUuid(alertId)) throw notFound('Alert');
    const query = this.tx.manager
      .createQueryBuilder(AlertEntity, 'a')
      .where('a.id = :alertId', { alertId });
    if (lock) query.setLock('pessimistic_write');
    const alert = await query.getOne();
    if (!alert) throw notFound('Alert');
    const units = await this.unitsOf(actor);
    const [{ view, ...sides }] = await this.viewsOf(actor, [alert], units);
    if (view === AlertView.NONE) throw notFound('Alert');
    return { alert, view, ...sides };
  }

  /**
   * For a transition: the alert locked, seen in full by a caller with an acting role who may do
   * `act` (alertActs: a unit the alert only escalated to acknowledges, it does not close). An
   * auditor sees it but may not act: FORBIDDEN.
   */
  async actable(actor: Actor, alertId: string, act: AlertAct = 'close'): Promise<VisibleAlert> {
    const found = await this.visible(actor, alertId, true);
    if (found.view !== AlertView.FULL || !actor.roles.some((r) => ACTING_ROLES.includes(r))) {
      throw forbidden('Only officers of the raising or a receiving unit act on an alert');
    }
    if (act === 'close') {
      const units = await this.unitsOf(actor);
      if (!alertActs(units, { raisedByUnitId: found.alert.raisedByUnitId, ...found }).close) {
        throw forbidden(
          'A unit the alert escalated to acknowledges it; the receiving units close it',
        );
      }
    }
    return found;
  }

  static mayAct(actor: Actor): boolean {
    return actor.roles.some((r) => ACTING_ROLES.includes(r));
  }
}
