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
type Stage = 'AWAITING_DECISION' | 'IN_HAND' | 'CLOSED';

/**
 * The stages a tab shows. A tab is a stage, not a set of statuses: ON_HOLD is awaiting decision
 * when it was held before acceptance (it resumes to RECEIVED) and in hand when held after.
 */
export function stagesOf(tab: QueueTab): readonly Stage[] | null {
  switch (tab) {
    case 'action':
      return ['AWAITING_DECISION'];
    case 'handling':
      return ['IN_HAND'];
    case 'closed':
      return ['CLOSED'];
    case 'all':
      return null;
  }
}

/**
 * The queue query's variables for a filter: the server narrows and orders the whole queue (not
 * the rows loaded so far), the most pressing first. `stage` is the tab's, `status` the one picked
 * in the filter (or the statuses a queue is forced to, Dikembalikan's REJECTED).
 */
export function queueVariables(filter: QueueFilter, forced?: readonly Status[]) {
  const status = forced ? [...forced] : filter.status ? [filter.status as Status] : null;
  const stage = forced ? null : stagesOf(filter.tab);
  return {
    status,
    stage: stage ? [...stage] : null,
    order: 'URGENT_FIRST' as const,
    filter: {
      priority: filter.priority ? [filter.priority as Priority] : null,
      sla: filter.sla ? [filter.sla as Sla] : null,
      counterpartAgencyId: filter.agency || null,
      provinceCode: filter.province || null,
      search: filter.search.trim() || null,
    },
  };
}

/** How many referrals each tab holds, from the per-stage counts of the filtered queue. */
export function tabCount(
  counts: readonly { stage: Stage; status: Status; count: number }[],
  tab: QueueTab,
  pickedStatus: string,
): number {
  const shown = stagesOf(tab);
  return counts
    .filter(
      (c) => (!shown || shown.includes(c.stage)) && (!pickedStatus || c.status === pickedStatus),
    )
    .reduce((sum, c) => sum + c.count, 0);
}
