import type { QueueReferralData } from '../graphql/fragments';

type Status = QueueReferralData['status'];

export const OPEN_STATUSES: readonly Status[] = [
  'REQUESTED',
  'RECEIVED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ON_HOLD',
];

/** ON_HOLD before anyone accepted it: still awaiting the receiver's decision, not in hand. */
export function heldBeforeAcceptance(r: Pick<QueueReferralData, 'status' | 'acceptedAt'>): boolean {
  return r.status === 'ON_HOLD' && !r.acceptedAt;
}

/** The deadline that matters now: acknowledge-by until acknowledged, then accept-by. */
export function nextDeadline(
  r: Pick<QueueReferralData, 'status' | 'acknowledgeBy' | 'acceptBy'>,
): { kind: 'acknowledgeBy' | 'acceptBy'; at: string } | null {
  if (r.status === 'REQUESTED') return { kind: 'acknowledgeBy', at: r.acknowledgeBy };
  if (r.status === 'RECEIVED') return { kind: 'acceptBy', at: r.acceptBy };
  return null;
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
