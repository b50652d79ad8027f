import { Injectable, Logger } from '@nestjs/common';
import { unitCountryCodeSql, unitTimeZoneSql } from '@simpul/agency';
import { HandlesTimers, type TimerHandler, type TimerSpec } from '@simpul/delivery';
import { deskClock } from '@simpul/sla';
import { TransactionHost } from '@simpul/database';
import {
  escalationPlan,
  nextStep,
  REFERRAL_TIMER_KIND,
  referralTimer,
  stepKey,
  type ReferralDeadline,
} from '../escalation/referral-escalation-plan';
import type { ReferralEntity } from '../entities/referral.entity';
import { EscalateReferralUseCase } from '../use-cases/escalate-referral.use-case';

interface OverdueRow {
  id: string;
  status: ReferralEntity['status'];
  priority: ReferralEntity['priority'];
  sent_at: Date;
  acknowledge_by: Date;
  accept_by: Date;
  acknowledged_at: Date | null;
  time_zone: string;
  country_code: string | null;
  recorded: { deadline: ReferralDeadline; step: number }[] | null;
}

/**
 * Escalation timers of referrals (subject kind 'referral'). A referral's first timer is armed by
 * the sweep once its deadline comes within the sweep's horizon (a send arms none: most deadlines
 * are met, and a delayed job days away would cost every send for nothing); each timer that fires
 * arms the next (EscalateReferralUseCase). The sweep asks for the next timer of every referral
 * whose running deadline falls by the horizon — the only ones whose steps can come due, since the
 * first step fires at 100% of the window.
 */
@Injectable()
@HandlesTimers(REFERRAL_TIMER_KIND)
export class ReferralEscalationTimers implements TimerHandler {
  private readonly logger = new Logger(ReferralEscalationTimers.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly escalate: EscalateReferralUseCase,
  ) {}

  fire(timer: TimerSpec, now: Date): Promise<void> {
    return this.escalate.execute(timer, now);
  }

  async pendingTimers(horizon: Date): Promise<TimerSpec[]> {
    const rows: OverdueRow[] = await this.tx.manager.query(
      `SELECT r.id, r.status, r.priority, r.sent_at, r.acknowledge_by, r.accept_by,
              r.acknowledged_at, ${unitTimeZoneSql('r.to_unit_id')} AS time_zone,
              ${unitCountryCodeSql('r.to_unit_id')} AS country_code,
              (SELECT json_agg(json_build_object('deadline', e.deadline, 'step', e.step))
                 FROM referral_escalation e WHERE e.referral_id = r.id) AS recorded
         FROM referral r
        WHERE (r.status = 'REQUESTED' AND r.acknowledge_by <= $1)
           OR (r.status IN ('REQUESTED', 'RECEIVED') AND r.accept_by <= $1)`,
      [horizon],
    );
    return rows.flatMap((row) => {
      try {
        return this.nextTimerOf(row);
      } catch (error) {
        // Only a row written around the application can get here (a deadline before its
        // sending); it is named and skipped, and every other referral still escalates.
        this.logger.warn(`Referral ${row.id} has no escalation plan: ${String(error)}`);
        return [];
      }
    });
  }

  private nextTimerOf(row: OverdueRow): TimerSpec[] {
    const plan = escalationPlan(
      {
        status: row.status,
        priority: row.priority,
        sentAt: row.sent_at,
        acknowledgeBy: row.acknowledge_by,
        acceptBy: row.accept_by,
        acknowledgedAt: row.acknowledged_at,
      },
      deskClock({ timeZone: row.time_zone, countryCode: row.country_code }),
    );
    const recorded = new Set(
      (row.recorded ?? []).map((step) =>
        stepKey({ deadline: step.deadline, step: step.step as 1 | 2 | 3 }),
      ),
    );
    const next = nextStep(plan, recorded);
    return next ? [referralTimer(row.id, next)] : [];
  }
}
