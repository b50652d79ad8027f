import type { QueueReferralData } from '../graphql/fragments';

type Status = QueueReferralData['status'];

export const OPEN_STATUSES: readonly Status[] = [
  'REQUESTED',
  'RECEIVED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ON_HOLD',
];
export const AWAITING_DECISION: readonly Status[] = ['REQUESTED', 'RECEIVED'];
export const IN_HAND: readonly Status[] = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

/** The deadline that matters now: acknowledge-by until acknowledged, then accept-by. */
export function nextDeadline(
  r: Pick<QueueReferralData, 'status' | 'acknowledgeBy' | 'acceptBy'>,
): { kind: 'acknowledgeBy' | 'acceptBy'; at: string } | null {
  if (r.status === 'REQUESTED') return { kind: 'acknowledgeBy', at: r.acknowledgeBy };
  if (r.status === 'RECEIVED') return { kind: 'acceptBy', at: r.acceptBy };
  return null;
}

const SLA_RANK: Record<QueueReferralData['sla'], number> = {
  BREACHED: 0,
  AT_RISK: 1,
  ON_TRACK: 2,
  PAUSED: 3,
  MET: 4,
};
const PRIORITY_RANK: Record<QueueReferralData['priority'], number> = {
  EMERGENCY: 0,
  URGENT: 1,
  ROUTINE: 2,
};

/**
 * Emergency and late-or-nearly-late referrals first (while they still await a decision or are
 * in hand), then by lateness, priority and newest.
 */
export function byUrgency(a: QueueReferralData, b: QueueReferralData): number {
  const pressing = (r: QueueReferralData) =>
    OPEN_STATUSES.includes(r.status) &&
    (r.priority === 'EMERGENCY' || r.sla === 'BREACHED' || r.sla === 'AT_RISK')
      ? 0
      : 1;
  return (
    pressing(a) - pressing(b) ||
    SLA_RANK[a.sla] - SLA_RANK[b.sla] ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    Date.parse(b.sentAt) - Date.parse(a.sentAt)
  );
}

export function slaColor(sla: QueueReferralData['sla']): string {
  switch (sla) {
    case 'BREACHED':
      return 'red';
    case 'AT_RISK':
      return 'orange';
    case 'MET':
      return 'teal';
    case 'ON_TRACK':
    case 'PAUSED':
      return 'gray';
  }
}

export function priorityColor(priority: QueueReferralData['priority']): string {
  return priority === 'EMERGENCY' ? 'red' : priority === 'URGENT' ? 'orange' : 'gray';
}
