import { Injectable } from '@nestjs/common';
import type { TimerSpec } from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { EscalationTargets } from '@simpul/agency';
import { MAX_ESCALATION_LEVEL } from '@simpul/sla';
import { TransactionHost } from '@simpul/database';
import { ReferralEntity } from '../entities/referral.entity';
import { ArmNextEscalation } from '../escalation/arm-next-escalation';
import { escalationPlan, stepKey, type PlannedStep } from '../escalation/referral-escalation-plan';

/** How the ledger names a deadline (codes, as in the contract's Referral fields). */
const DEADLINE_CODE = { acknowledgeBy: 'ACKNOWLEDGE', acceptBy: 'ACCEPT' } as const;

/**
 * A referral's escalation timer came due (worker: the timer job or the sweep). If the step is
 * still one the referral has to fear — same deadline, same due time (a hold moves it), status
 * still waiting on it, that step of that deadline not fired yet, due by the clock — it is recorded and the referral climbs one level (at most
 * 4): `escalationLevel` changes, `version` does not (the contract: escalation is no status change),
 * and REFERRAL_ESCALATED goes on the ledger with no actor, from the receiving unit to the unit
 * the level reaches, with level, deadline and step in its payload (codes only). Then the next
 * step is armed. A step whose state has moved on (acknowledged, accepted, decided, the deadline
 * moved) does nothing but arm whatever comes next. Runs in the caller's transaction; the row
 * lock and the recorded step make it idempotent.
 */
@Injectable()
export class EscalateReferralUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly targets: EscalationTargets,
    private readonly arming: ArmNextEscalation,
  ) {}

  async execute(timer: TimerSpec, now: Date): Promise<void> {
    const referral = await this.tx.manager
      .createQueryBuilder(ReferralEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id: timer.subjectId })
      .getOne();
    if (!referral) return;
    const timeZone = await this.arming.timeZoneOf(referral);
    const plan = escalationPlan(referral, timeZone);
    const fired = await this.arming.firedSteps(referral.id);
    const step = plan.find(
      (planned) =>
        planned.deadline === timer.deadline &&
        planned.dueAt.getTime() === timer.dueAt.getTime() &&
        planned.step === timer.step,
    );
    if (step && !fired.has(stepKey(step)) && step.at.getTime() <= now.getTime()) {
      await this.climb(referral, step, now);
      fired.add(stepKey(step));
    }
    await this.arming.arm(referral, timeZone, fired);
  }

  private async climb(referral: ReferralEntity, step: PlannedStep, now: Date): Promise<void> {
    const level = Math.min(MAX_ESCALATION_LEVEL, referral.escalationLevel + 1);
    const climbs = level > referral.escalationLevel;
    const target = climbs ? await this.targets.unitFor(referral.toUnitId, level) : null;
    await this.tx.manager.query(
      `INSERT INTO referral_escalation
         (referral_id, deadline, due_at, step, level, target_unit_id, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [referral.id, step.deadline, step.dueAt, step.step, level, target, now],
    );
    // Past the top of the ladder a step is only recorded: GT-PUSAT already has it.
    if (!climbs) return;
    await this.tx.manager.update(ReferralEntity, { id: referral.id }, { escalationLevel: level });
    await this.ledger.append([
      {
        action: HandoffAction.REFERRAL_ESCALATED,
        actorId: null,
        fromUnitId: referral.toUnitId,
        toUnitId: target,
        caseId: referral.caseId,
        referralId: referral.id,
        payload: {
          reference: referral.reference,
          level,
          deadline: DEADLINE_CODE[step.deadline],
          dueAt: step.dueAt.toISOString(),
          step: step.step,
          percentOfWindow: step.percentOfWindow,
        },
      },
    ]);
  }
}
