import { createHash } from 'node:crypto';
import type { JobPayloads } from '@simpul/queue';

/**
 * One step of one deadline of one subject (a referral, an alert …) that fires at `fireAt`: an
 * escalation timer. Its identity is (subjectKind, subjectId, deadline, dueAt, step): scheduling
 * the same timer twice — the use case, the handler arming the next step, the sweep rebuilding
 * timers after a Redis loss — yields one outbox row and one BullMQ job. A deadline that moves
 * (a hold, a new calendar) has a new `dueAt`, so new timers; the old ones fire and find that the
 * state has moved on.
 */
export interface TimerSpec {
  /** Which kind of subject, e.g. 'referral' or 'alert': chooses the TimerHandler. */
  subjectKind: string;
  subjectId: string;
  /** Which of the subject's deadlines, e.g. 'acknowledgeBy'. */
  deadline: string;
  /** The deadline's instant when the timer was armed. */
  dueAt: Date;
  /** The step of that deadline (1, 2, 3: 100%, 150%, 200% of its window). */
  step: number;
  /** When the step is due. */
  fireAt: Date;
}

export type TimerPayload = JobPayloads['fire-timer'];

/** A fixed namespace, so that a timer's key is the same in every process and every run. */
const TIMER_KEY_NAMESPACE = 'simpul:timer:v1';

/**
 * The outbox job_key (and so the BullMQ job id, `outbox-<key>`) of a timer: a name-based UUID
 * (version 5 layout, SHA-1) of its identity.
 */
export function timerJobKey(timer: Omit<TimerSpec, 'fireAt'> & { fireAt?: Date }): string {
  const name = [
    timer.subjectKind,
    timer.subjectId,
    timer.deadline,
    timer.dueAt.toISOString(),
    String(timer.step),
  ].join('|');
  const hash = createHash('sha1').update(TIMER_KEY_NAMESPACE).update('\0').update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toTimerPayload(timer: TimerSpec): TimerPayload {
  return {
    subjectKind: timer.subjectKind,
    subjectId: timer.subjectId,
    deadline: timer.deadline,
    dueAt: timer.dueAt.toISOString(),
    step: timer.step,
    fireAt: timer.fireAt.toISOString(),
  };
}

export function fromTimerPayload(payload: TimerPayload): TimerSpec {
  return {
    subjectKind: payload.subjectKind,
    subjectId: payload.subjectId,
    deadline: payload.deadline,
    dueAt: new Date(payload.dueAt),
    step: payload.step,
    fireAt: new Date(payload.fireAt),
  };
}
