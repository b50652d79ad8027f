/**
 * The referral statuses the sla lib reasons about. Same string values as the referral lib's
 * ReferralStatus enum (whose members are assignable to this union); the sla lib stays below the
 * referral lib and must not import it.
 */
export type SlaReferralStatus =
  | 'REQUESTED'
  | 'RECEIVED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'REDIRECTED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'FAILED';

/** The timestamps of a referral that decide its SLA; a ReferralEntity satisfies it. */
export interface SlaReferral {
  status: SlaReferralStatus;
  sentAt: Date;
  acknowledgeBy: Date;
  acceptBy: Date;
  acknowledgedAt: Date | null;
  acceptedAt: Date | null;
  /** When it reached a final status (or was decided: rejected, redirected, cancelled). */
  closedAt: Date | null;
}

/** Which deadline a waiting referral is measured against, and the window it closes. */
export interface CountingDeadline {
  deadline: 'acknowledgeBy' | 'acceptBy';
  windowStart: Date;
  dueAt: Date;
}

/**
 * The deadline that is still running: acknowledgeBy while REQUESTED, acceptBy while RECEIVED
 * (both windows start at sentAt). Every other status has no running deadline.
 */
export function countingDeadline(
  referral: Pick<SlaReferral, 'status' | 'sentAt' | 'acknowledgeBy' | 'acceptBy'>,
): CountingDeadline | null {
  switch (referral.status) {
    case 'REQUESTED':
      return {
        deadline: 'acknowledgeBy',
        windowStart: referral.sentAt,
        dueAt: referral.acknowledgeBy,
      };
    case 'RECEIVED':
      return { deadline: 'acceptBy', windowStart: referral.sentAt, dueAt: referral.acceptBy };
    default:
      return null;
  }
}
