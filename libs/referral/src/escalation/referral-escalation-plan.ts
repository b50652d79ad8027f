import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_DEADLINE_POLICIES,
  escalationSteps,
  type BusinessCalendar,
  type DeskZone,
  type EscalationStep,
} from '@simpul/sla';
import type { ReferralEntity } from '../entities/referral.entity';
import { ReferralStatus } from '../referral-enums';

/** The subject kind of referral escalation timers (TimerSpec.subjectKind). */
export const REFERRAL_TIMER_KIND = 'referral';

export type ReferralDeadline = 'acknowledgeBy' | 'acceptBy';

/** One step of one deadline of a referral: when it is due, and which it is. */
export interface PlannedStep extends EscalationStep {
  deadline: ReferralDeadline;
  dueAt: Date;
}

export type PlannedReferral = Pick<
  ReferralEntity,
  'status' | 'priority' | 'sentAt' | 'acknowledgeBy' | 'acceptBy' | 'acknowledgedAt'
>;

/**
 * Every escalation step a referral still has to fear, in time order: the acknowledge deadline's
 * steps while nobody acknowledged it (REQUESTED), the accept deadline's while nobody accepted it
 * (REQUESTED, RECEIVED). Any other status has no running deadline, so nothing escalates: an
 * accepted, held, decided or closed referral is left alone. Business-day deadlines step on
 * business days of the receiving unit's zone and week (escalationSteps; `desk` is its deskClock).
 */
export function escalationPlan(
  referral: PlannedReferral,
  desk: DeskZone,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
): PlannedStep[] {
  const policy = DEFAULT_DEADLINE_POLICIES[referral.priority];
  const deadlines: [ReferralDeadline, Date, typeof policy.accept][] = [];
  if (referral.status === ReferralStatus.REQUESTED && !referral.acknowledgedAt) {
    deadlines.push(['acknowledgeBy', referral.acknowledgeBy, policy.acknowledge]);
  }
  if (referral.status === ReferralStatus.REQUESTED || referral.status === ReferralStatus.RECEIVED) {
    deadlines.push(['acceptBy', referral.acceptBy, policy.accept]);
  }
  return deadlines
    .flatMap(([deadline, dueAt, span]) =>
      escalationSteps(referral.sentAt, dueAt, span, desk, calendar).map((step) => ({
        ...step,
        deadline,
        dueAt,
      })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Which step of which deadline a step is, whatever its due time: each step of a deadline fires
 * once. A hold moves a deadline still running (shiftDeadlinesForHold), so its remaining steps
 * get a new due time — new timers, while the old ones find nothing to do — but a step that fired
 * before the hold has fired: the referral does not climb for it again.
 */
export const stepKey = (step: Pick<PlannedStep, 'deadline' | 'step'>) =>
  `${step.deadline}|${step.step}`;

/** The first step of the plan not recorded yet: the referral's next timer. */
export function nextStep(plan: PlannedStep[], recorded: ReadonlySet<string>): PlannedStep | null {
  return plan.find((step) => !recorded.has(stepKey(step))) ?? null;
}

export function referralTimer(referralId: string, step: PlannedStep) {
  return {
    subjectKind: REFERRAL_TIMER_KIND,
    subjectId: referralId,
    deadline: step.deadline,
    dueAt: step.dueAt,
    step: step.step,
    fireAt: step.at,
  };
}
