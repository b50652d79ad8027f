import type { Same } from '../same';
import type { statisticsId } from './statistics.id';

export const statisticsEn: Same<typeof statisticsId> = {
  title: "Statistics and auditors' questions",
  period: 'Period',
  fromMonth: 'From month',
  toMonth: 'To month',
  show: 'Show',
  perAgency: 'Handoffs per receiving agency',
  chartLabel:
    'Bar chart per agency: referrals received, accepted, declined, redirected, breached. The same numbers are in the table below.',
  none: 'No referrals in this period.',
  agency: 'Agency',
  received: 'Received',
  accepted: 'Accepted',
  rejected: 'Declined',
  redirected: 'Redirected',
  breached: 'Breached',
  medianReceive: 'Median minutes to receipt',
  medianAccept: 'Median minutes to acceptance',
  pingPong: 'Ping-pong cases',
  pingPongHelp:
    "Cases whose referrals were declined or redirected more than 3 times. The province's Gugus Tugas is told once when the threshold is crossed.",
  noPingPong: 'No ping-pong cases.',
  bounces: 'Declined/redirected',
  lastBounce: 'Last',
  evaluation: 'Evaluation statistics (anonymised)',
  evaluationHelp:
    'Per month, province, exploitation type and agency. Cells counting fewer than 11 persons are suppressed and no totals are published, so a suppressed cell cannot be worked out.',
  downloadCsv: 'Download CSV {{from}} to {{to}}',
  downloading: 'Downloading…',
  downloaded: 'CSV downloaded.',
  downloadFailed: 'Download failed: {{message}}',
};
