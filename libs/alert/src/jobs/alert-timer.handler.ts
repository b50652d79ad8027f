import { Injectable } from '@nestjs/common';
import { HandlesTimers, TimerScheduler, type TimerHandler, type TimerSpec } from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { EscalationTargets } from '@simpul/referral';
import { TransactionHost } from '@simpul/database';
import { AlertStatus, Severity } from '../alert-enums';
import { alertEntry } from '../alert-entry';
import {
  ALERT_ACKNOWLEDGE_WINDOW_MS,
  ALERT_MAX_ESCALATION_LEVEL,
  ALERT_TIMER_KIND,
  alertEscalationSteps,
  alertEscalationTimer,
} from '../alert-escalation';

interface UnacknowledgedRow {
  id: string;
  reference: string;
  severity: Severity;
  raised_at: Date;
  raised_by_unit_id: string;
  escalation_level: number;
  unit_ids: string[];
}

/**
 * Escalates an alert nobody has acknowledged (alert-escalation.ts) up the referral ladder
 * (EscalationTargets, docs/adr/0011-escalation-ladder.md): at 100 %, 150 % and 200 % of its
 * acknowledge window one level each. Each level reaches, for every receiving unit still silent,
 * the unit its ladder names at that level — 1 the unit itself (its SUPERVISORs are told), 2 its
 * agency's head unit, 3 its province's Gugus Tugas (GT-PUSAT for national units and provinces
 * without one) — with one ALERT_ESCALATED entry per unit reached (no actor, from the raising unit;
 * the entry a notification to that unit's SUPERVISORs is made from) and one alert_escalation row,
 * which lets that unit open and acknowledge the alert. `escalation_level` is the
 * record of the steps fired: step n fires only on an alert at level n − 1, so a timer fired twice
 * (its job and the sweep) acts once. Nothing once a unit acknowledged or the alert was closed.
 * Each step arms the next.
 */
@Injectable()
@HandlesTimers(ALERT_TIMER_KIND)
export class AlertTimerHandler implements TimerHandler {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly targets: EscalationTargets,
    private readonly timers: TimerScheduler,
  ) {}

  async fire(timer: TimerSpec, now: Date): Promise<void> {
    if (timer.fireAt.getTime() > now.getTime()) return; // early: the sweep fires it when due
    const [alert]: UnacknowledgedRow[] = await this.tx.manager.query(
      `SELECT a.id, a.reference, a.severity, a.raised_at, a.raised_by_unit_id, a.escalation_level,
              ARRAY(SELECT d.unit_id FROM alert_delivery d
                     WHERE d.alert_id = a.id AND d.acknowledged_at IS NULL ORDER BY d.unit_id) AS unit_ids
         FROM alert a WHERE a.id = $1 AND a.status = $2 FOR UPDATE OF a`,
      [timer.subjectId, AlertStatus.RAISED],
    );
    if (!alert) return;
    const step = alertEscalationSteps({ severity: alert.severity, raisedAt: alert.raised_at }).find(
      (planned) => planned.step === timer.step && planned.dueAt.getTime() === timer.dueAt.getTime(),
    );
    if (step && alert.escalation_level === step.step - 1) {
      const level = step.step;
      await this.tx.manager.query('UPDATE alert SET escalation_level = $2 WHERE id = $1', [
        alert.id,
        level,
      ]);
      const reached = new Set<string>();
      for (const unitId of alert.unit_ids) {
        reached.add(await this.targets.unitFor(unitId, level));
      }
      // The units reached read the alert from now on, as a receiving unit does, and may
      // acknowledge it (docs/access-model.md, "Alerts"); a unit keeps the first level it was at.
      await this.tx.manager.query(
        `INSERT INTO alert_escalation (alert_id, unit_id, level, escalated_at)
         SELECT $1, unnest($2::uuid[]), $3, $4
         ON CONFLICT (alert_id, unit_id) DO NOTHING`,
        [alert.id, [...reached], level, now],
      );
      await this.ledger.append(
        [...reached].map((unitId) =>
          alertEntry(HandoffAction.ALERT_ESCALATED, {
            actorId: null,
            fromUnitId: alert.raised_by_unit_id,
            toUnitId: unitId,
            alertId: alert.id,
            payload: {
              reference: alert.reference,
              level,
              deadline: timer.deadline,
              dueAt: timer.dueAt.toISOString(),
              step: step.step,
              percentOfWindow: step.percentOfWindow,
            },
          }),
        ),
      );
      alert.escalation_level = level;
    }
    const next = this.nextTimerOf(alert);
    if (next) await this.timers.schedule([next]);
  }

  /** Every RAISED HIGH or CRITICAL alert below the top of its ladder: its next step's timer. */
  async pendingTimers(): Promise<TimerSpec[]> {
    const rows: UnacknowledgedRow[] = await this.tx.manager.query(
      `SELECT id, severity, raised_at, escalation_level FROM alert
        WHERE status = $1 AND escalation_level < $3 AND severity = ANY($2::text[])`,
      [AlertStatus.RAISED, Object.keys(ALERT_ACKNOWLEDGE_WINDOW_MS), ALERT_MAX_ESCALATION_LEVEL],
    );
    return rows.flatMap((row) => {
      const timer = this.nextTimerOf(row);
      return timer ? [timer] : [];
    });
  }

  private nextTimerOf(
    alert: Pick<UnacknowledgedRow, 'id' | 'severity' | 'raised_at' | 'escalation_level'>,
  ): TimerSpec | null {
    if (alert.escalation_level >= ALERT_MAX_ESCALATION_LEVEL) return null;
    return alertEscalationTimer(
      { id: alert.id, severity: alert.severity, raisedAt: alert.raised_at },
      alert.escalation_level + 1,
    );
  }
}
