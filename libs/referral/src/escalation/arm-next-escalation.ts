import { Injectable } from '@nestjs/common';
import { unitCountryCodeSql, unitTimeZoneSql } from '@simpul/agency';
import { TimerScheduler } from '@simpul/delivery';
import { deskClock, type DeskClock, type DeskZone } from '@simpul/sla';
import { TransactionHost } from '@simpul/database';
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
  constructor(
    private readonly tx: TransactionHost,
    private readonly timers: TimerScheduler,
  ) {}

  async arm(
    referral: PlannedReferral & Pick<ReferralEntity, 'id'>,
    desk: DeskZone,
    fired: ReadonlySet<string>,
  ): Promise<void> {
    const next = nextStep(escalationPlan(referral, desk), fired);
    if (next) await this.timers.schedule([referralTimer(referral.id, next)]);
  }

  /** The steps of the referral already fired (stepKey), as recorded in referral_escalation. */
  async firedSteps(referralId: string): Promise<Set<string>> {
    const rows: { deadline: PlannedStep['deadline']; step: 1 | 2 | 3 }[] =
      await this.tx.manager.query(
        'SELECT deadline, step FROM referral_escalation WHERE referral_id = $1',
        [referralId],
      );
    return new Set(rows.map((row) => stepKey(row)));
  }

  /**
   * The receiving unit's zone and weekend (its deskClock): what its deadlines and escalation steps
   * are counted in. The name stays from when it was the zone alone; the use cases pass it on.
   */
  async timeZoneOf(referral: Pick<ReferralEntity, 'toUnitId'>): Promise<DeskClock> {
    // The agency lib's fragments: one statement, as when this read the unit table itself.
    const [unit]: { time_zone: string; country_code: string | null }[] =
      await this.tx.manager.query(
        `SELECT ${unitTimeZoneSql('$1::uuid')} AS time_zone,
                ${unitCountryCodeSql('$1::uuid')} AS country_code`,
        [referral.toUnitId],
      );
    return deskClock({ timeZone: unit.time_zone, countryCode: unit.country_code });
  }
}
