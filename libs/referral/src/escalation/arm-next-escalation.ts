import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TimerScheduler } from '@simpul/delivery';
import type { ReferralEntity } from '../entities/referral.entity';
import {
  escalationPlan,
  nextStep,
  referralTimer,
  stepKey,
  type PlannedReferral,
  type PlannedStep,
} from './referral-escalation-plan';

/**
 * Arms a referral's next escalation timer from its state in this transaction: the first step of
 * its plan not fired yet. Used by the escalation handler after each step and by resumeReferral,
 * whose moved deadline has steps at new times (a timer armed before the hold finds its deadline
 * moved and does nothing). Arming a timer already armed adds nothing (deterministic job key).
 */
@Injectable()
export class ArmNextEscalation {
  constructor(private readonly timers: TimerScheduler) {}

  async arm(
    manager: EntityManager,
    referral: PlannedReferral & Pick<ReferralEntity, 'id'>,
    timeZone: string,
    fired: ReadonlySet<string>,
  ): Promise<void> {
    const next = nextStep(escalationPlan(referral, timeZone), fired);
    if (next) await this.timers.schedule(manager, [referralTimer(referral.id, next)]);
  }

  /** The steps of the referral already fired (stepKey), as recorded in referral_escalation. */
  async firedSteps(manager: EntityManager, referralId: string): Promise<Set<string>> {
    const rows: { deadline: PlannedStep['deadline']; step: 1 | 2 | 3 }[] = await manager.query(
      'SELECT deadline, step FROM referral_escalation WHERE referral_id = $1',
      [referralId],
    );
    return new Set(rows.map((row) => stepKey(row)));
  }

  /** The receiving unit's zone: the one its deadlines and escalation steps are counted in. */
  async timeZoneOf(manager: EntityManager, referral: Pick<ReferralEntity, 'toUnitId'>) {
    const [{ time_zone: timeZone }]: { time_zone: string }[] = await manager.query(
      'SELECT time_zone FROM unit WHERE id = $1',
      [referral.toUnitId],
    );
    return timeZone;
  }
}
