import type { Same } from '../same';
import type { overdueId } from './overdue.id';

export const overdueEn: Same<typeof overdueId> = {
  title: 'Overdue referrals',
  intro:
    'Referrals still waiting past their deadline, the longest overdue first. Escalation climbs one level at 100 %, 150 % and 200 % of the deadline, counted in business days.',
  count_one: '{{count}} overdue referral',
  count_other: '{{count}} overdue referrals',
  none: 'No referral is overdue.',
  columns: {
    reference: 'Referral number',
    toUnit: 'Receiving unit',
    fromUnit: 'Sending unit',
    priority: 'Priority',
    deadline: 'Missed deadline',
    level: 'Escalation',
  },
  deadline: {
    ACKNOWLEDGE: 'Acknowledge by',
    ACCEPT: 'Accept by',
  },
};
