import type { QueueReferralData } from '../../graphql/fragments';
import { AWAITING_DECISION, IN_HAND } from '../../format/referral';
import { provinceOf } from '../../reference/regions';

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

export function inTab(r: QueueReferralData, tab: QueueTab): boolean {
  switch (tab) {
    case 'action':
      return AWAITING_DECISION.includes(r.status);
    case 'handling':
      return IN_HAND.includes(r.status);
    case 'closed':
      return !AWAITING_DECISION.includes(r.status) && !IN_HAND.includes(r.status);
    case 'all':
      return true;
  }
}

/** The other side's agency: the sender in the inbox, the receiver in the sent queues. */
export function counterpart(r: QueueReferralData, inbox: boolean) {
  return inbox ? r.fromUnit : r.toUnit;
}

export function matches(r: QueueReferralData, f: QueueFilter, inbox: boolean): boolean {
  const search = f.search.trim().toUpperCase();
  return (
    inTab(r, f.tab) &&
    (!f.status || r.status === f.status) &&
    (!f.priority || r.priority === f.priority) &&
    (!f.sla || r.sla === f.sla) &&
    (!f.agency || counterpart(r, inbox).agency.id === f.agency) &&
    (!f.province || provinceOf(r.case.regionCode) === f.province) &&
    (!search ||
      r.reference.toUpperCase().includes(search) ||
      r.case.reference.toUpperCase().includes(search))
  );
}
