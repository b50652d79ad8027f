import type { Same } from '../same';
import type { navId } from './nav.id';

export const navEn: Same<typeof navId> = {
  inbox: 'Inbox',
  sent: 'Sent',
  returned: 'Returned',
  cases: 'Cases',
  newCase: 'New case',
  agency: 'Agency referrals',
  audit: 'Case audit',
  statistics: 'Statistics',
  overdue: 'Overdue referrals',
  alerts: 'Alerts',
  raiseAlert: 'New alert',
  soon: 'coming soon',
};
