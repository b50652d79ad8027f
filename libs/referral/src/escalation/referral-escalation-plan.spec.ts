import { Priority } from '@simpul/sla';
import { ReferralStatus } from '../referral-enums';
import {
  escalationPlan,
  nextStep,
  stepKey,
  type PlannedReferral,
} from './referral-escalation-plan';

const wita = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** ROUTINE, sent Tue 22 December 2026 10:00 WITA: acknowledge by Mon 28, accept by Thu 31. */
const routine: PlannedReferral = {
  status: ReferralStatus.REQUESTED,
  priority: Priority.ROUTINE,
  sentAt: wita('2026-12-22 10:00'),
  acknowledgeBy: wita('2026-12-28 10:00'),
  acceptBy: wita('2026-12-31 10:00'),
  acknowledgedAt: null,
};

const summary = (referral: PlannedReferral) =>
  escalationPlan(referral, 'Asia/Makassar').map((step) => [step.deadline, step.step, step.at]);

describe('escalationPlan', () => {
  it('orders the steps of both deadlines of a REQUESTED referral on business days', () => {
    expect(summary(routine)).toEqual([
      ['acknowledgeBy', 1, wita('2026-12-28 10:00')],
      ['acknowledgeBy', 2, wita('2026-12-29 10:00')],
      ['acknowledgeBy', 3, wita('2026-12-30 10:00')],
      ['acceptBy', 1, wita('2026-12-31 10:00')],
      // +3 and +5 business days from Thu 31 December, past New Year's Day and Isra Mikraj
      // (Tue 5 January 2027): Thu 7 and Mon 11 January.
      ['acceptBy', 2, wita('2027-01-07 10:00')],
      ['acceptBy', 3, wita('2027-01-11 10:00')],
    ]);
  });

  it('drops the acknowledge steps once acknowledged, and every step once accepted or decided', () => {
    const received = { ...routine, status: ReferralStatus.RECEIVED, acknowledgedAt: new Date() };
    expect(summary(received).map(([deadline]) => deadline)).toEqual([
      'acceptBy',
      'acceptBy',
      'acceptBy',
    ]);
    for (const status of [
      ReferralStatus.ACCEPTED,
      ReferralStatus.IN_PROGRESS,
      ReferralStatus.ON_HOLD,
      ReferralStatus.REJECTED,
      ReferralStatus.REDIRECTED,
      ReferralStatus.CANCELLED,
      ReferralStatus.COMPLETED,
      ReferralStatus.FAILED,
    ]) {
      expect(summary({ ...routine, status })).toEqual([]);
    }
  });

  it('takes the first step not recorded as the next timer', () => {
    const plan = escalationPlan(routine, 'Asia/Makassar');
    expect(nextStep(plan, new Set())).toBe(plan[0]);
    expect(nextStep(plan, new Set(plan.slice(0, 3).map(stepKey)))).toBe(plan[3]);
    expect(nextStep(plan, new Set(plan.map(stepKey)))).toBeNull();
  });
});
