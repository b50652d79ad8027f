import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HandlesTimers, type TimerHandler, type TimerSpec } from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { AlertStatus, Severity } from '../alert-enums';
import { alertEntry } from '../alert-entry';
import {
  ALERT_ACKNOWLEDGE_WINDOW_MS,
  ALERT_TIMER_KIND,
  alertEscalationTimer,
} from '../alert-escalation';

interface UnacknowledgedRow {
  id: string;
  reference: string;
  raised_by_unit_id: string;
  escalation_level: number;
  unit_ids: string[];
}

/**
 * Escalates an alert nobody has acknowledged within its window (alert-escalation.ts): level 1,
 * and ALERT_ESCALATED on the ledger to each receiving unit that has not acknowledged — the entry
 * a notification to that unit's SUPERVISORs is made from. Nothing when a unit acknowledged
 * meanwhile, the alert was closed, or the step was recorded already (a timer can fire twice).
 */
@Injectable()
@HandlesTimers(ALERT_TIMER_KIND)
export class AlertTimerHandler implements TimerHandler {
  constructor(private readonly ledger: LedgerWriter) {}

  async fire(manager: EntityManager, timer: TimerSpec, now: Date): Promise<void> {
    if (timer.fireAt.getTime() > now.getTime()) return; // early: the sweep fires it when due
    const [alert]: UnacknowledgedRow[] = await manager.query(
      `SELECT a.id, a.reference, a.raised_by_unit_id, a.escalation_level,
              ARRAY(SELECT d.unit_id FROM alert_delivery d
                     WHERE d.alert_id = a.id AND d.acknowledged_at IS NULL ORDER BY d.unit_id) AS unit_ids
         FROM alert a WHERE a.id = $1 AND a.status = $2 FOR UPDATE OF a`,
      [timer.subjectId, AlertStatus.RAISED],
    );
    if (!alert || alert.escalation_level >= timer.step) return;
    await manager.query('UPDATE alert SET escalation_level = $2 WHERE id = $1', [
      alert.id,
      timer.step,
    ]);
    await this.ledger.append(
      manager,
      alert.unit_ids.map((unitId) =>
        alertEntry(HandoffAction.ALERT_ESCALATED, {
          actorId: null,
          fromUnitId: alert.raised_by_unit_id,
          toUnitId: unitId,
          alertId: alert.id,
          payload: {
            reference: alert.reference,
            level: timer.step,
            deadline: timer.deadline,
            dueAt: timer.dueAt.toISOString(),
          },
        }),
      ),
    );
  }

  /** Every RAISED HIGH or CRITICAL alert not escalated yet: its one timer. */
  async pendingTimers(manager: EntityManager): Promise<TimerSpec[]> {
    const rows: { id: string; severity: Severity; raised_at: Date }[] = await manager.query(
      `SELECT id, severity, raised_at FROM alert
        WHERE status = $1 AND escalation_level = 0 AND severity = ANY($2::text[])`,
      [AlertStatus.RAISED, Object.keys(ALERT_ACKNOWLEDGE_WINDOW_MS)],
    );
    return rows.flatMap((row) => {
      const timer = alertEscalationTimer({
        id: row.id,
        severity: row.severity,
        raisedAt: row.raised_at,
      });
      return timer ? [timer] : [];
    });
  }
}
