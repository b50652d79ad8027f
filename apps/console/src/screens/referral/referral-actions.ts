import type { Officer } from '../../session/session';
import type { QueueReferralData } from '../../graphql/fragments';

export type ActionName =
  | 'acknowledge'
  | 'accept'
  | 'reject'
  | 'redirect'
  | 'start'
  | 'hold'
  | 'resume'
  | 'complete'
  | 'fail'
  | 'cancel';

/** The receiver's transitions by status, as the API allows them (README: Referrals). */
const RECEIVER: Partial<Record<QueueReferralData['status'], ActionName[]>> = {
  REQUESTED: ['acknowledge', 'accept', 'reject', 'redirect'],
  RECEIVED: ['accept', 'reject', 'redirect', 'hold'],
  ACCEPTED: ['start', 'hold', 'complete', 'fail'],
  IN_PROGRESS: ['hold', 'complete', 'fail'],
  ON_HOLD: ['resume', 'fail'],
};
const SENDER: Partial<Record<QueueReferralData['status'], ActionName[]>> = {
  REQUESTED: ['cancel'],
  RECEIVED: ['cancel'],
};
/** ON_HOLD before acceptance (held from RECEIVED): resumed back to RECEIVED, or withdrawn. */
const RECEIVER_HELD_BEFORE_ACCEPTANCE: ActionName[] = ['resume'];
const SENDER_HELD_BEFORE_ACCEPTANCE: ActionName[] = ['cancel'];

/** An officer acts for its own unit; a supervisor for every unit of its agency. */
export function actsFor(officer: Officer, unit: QueueReferralData['toUnit']): boolean {
  return (
    unit.id === officer.unit.id ||
    (officer.roles.includes('SUPERVISOR') && unit.agency.id === officer.unit.agency.id)
  );
}

export function allowedActions(officer: Officer, r: QueueReferralData): ActionName[] {
  if (
    !officer.roles.some(
      (role) => role === 'DESK_OFFICER' || role === 'SUPERVISOR' || role === 'INVESTIGATOR',
    )
  )
    return [];
  const heldBeforeAcceptance = r.status === 'ON_HOLD' && !r.acceptedAt;
  const receiver = heldBeforeAcceptance ? RECEIVER_HELD_BEFORE_ACCEPTANCE : RECEIVER[r.status];
  const sender = heldBeforeAcceptance ? SENDER_HELD_BEFORE_ACCEPTANCE : SENDER[r.status];
  return [
    ...(actsFor(officer, r.toUnit) ? (receiver ?? []) : []),
    ...(actsFor(officer, r.fromUnit) ? (sender ?? []) : []),
  ];
}

/** What changed between the referral the officer acted on and the current one (CONFLICT). */
export function changes(
  before: QueueReferralData,
  after: QueueReferralData,
): { field: string; before: string; after: string }[] {
  const fields: { field: string; get: (r: QueueReferralData) => string | null }[] = [
    { field: 'status', get: (r) => `status:${r.status}` },
    { field: 'to', get: (r) => r.toUnit.name },
    { field: 'acknowledgedAt', get: (r) => r.acknowledgedAt },
    { field: 'acceptedAt', get: (r) => r.acceptedAt },
    {
      field: 'rejectionReason',
      get: (r) => (r.rejectionReason ? `reason:${r.rejectionReason}` : null),
    },
    { field: 'statusNote', get: (r) => r.statusNote },
    { field: 'priority', get: (r) => `priority:${r.priority}` },
  ];
  return fields
    .filter((f) => f.get(before) !== f.get(after))
    .map((f) => ({ field: f.field, before: f.get(before) ?? '—', after: f.get(after) ?? '—' }));
}
