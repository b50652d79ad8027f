import { AWAITING_DECISION, IN_HAND } from '../../format/referral';
import type { QueueReferralData } from '../../graphql/fragments';

export type QueueTab = 'action' | 'handling' | 'closed' | 'all';

export interface QueueFilter {
  tab: QueueTab;
  status: string;
  priority: string;
  sla: string;
  agency: string;
  province: string;
  search: string;
}

export const EMPTY_FILTER: QueueFilter = {
  tab: 'all',
  status: '',
  priority: '',
  sla: '',
  agency: '',
  province: '',
  search: '',
};

type Status = QueueReferralData['status'];
type Priority = QueueReferralData['priority'];
type Sla = QueueReferralData['sla'];

const ALL_STATUSES: readonly Status[] = [
  'REQUESTED',
  'RECEIVED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
  'FAILED',
  'REJECTED',
  'REDIRECTED',
  'CANCELLED',
];

/** The statuses a tab shows. */
export function statusesOf(tab: QueueTab): readonly Status[] {
  switch (tab) {
    case 'action':
      return AWAITING_DECISION;
    case 'handling':
      return IN_HAND;
    case 'closed':
      return ALL_STATUSES.filter((s) => !AWAITING_DECISION.includes(s) && !IN_HAND.includes(s));
    case 'all':
      return ALL_STATUSES;
  }
}

/**
 * The queue query's variables for a filter: the server narrows the whole queue (not the rows
 * loaded so far). `status` is the tab's statuses, cut down to the one picked in the filter —
 * null when the two exclude each other, and nothing can match.
 */
export function queueVariables(filter: QueueFilter, forced?: readonly Status[]) {
  const tab = forced ?? statusesOf(filter.tab);
  const status = filter.status ? tab.filter((s) => s === filter.status) : [...tab];
  return {
    status: status.length ? status : null,
    filter: {
      priority: filter.priority ? [filter.priority as Priority] : null,
      sla: filter.sla ? [filter.sla as Sla] : null,
      counterpartAgencyId: filter.agency || null,
      provinceCode: filter.province || null,
      search: filter.search.trim() || null,
    },
  };
}

/** How many referrals each tab holds, from the per-status counts of the filtered queue. */
export function tabCount(
  counts: readonly { status: Status; count: number }[],
  tab: QueueTab,
  pickedStatus: string,
): number {
  const shown = statusesOf(tab);
  return counts
    .filter((c) => shown.includes(c.status) && (!pickedStatus || c.status === pickedStatus))
    .reduce((sum, c) => sum + c.count, 0);
}
