import type { Same } from '../same';
import type { casesId } from './cases.id';

export const casesEn: Same<typeof casesId> = {
  title: 'Cases',
  empty: 'No cases yet.',
  reference: 'Case number',
  caseTitle: 'Title',
  status: 'Status',
  region: 'Area of origin',
  exploitation: 'Exploitation types',
  openedAt: 'Opened',
  leadUnit: 'Lead unit',
  persons: 'Victims / presumed victims',
  noPersons: 'No person recorded.',
  referrals: 'Referrals of this case',
  noReferrals: 'No referrals yet.',
  refer: 'Make a referral',
  raiseAlert: 'Raise an alert about this case',
  addPerson: 'Add a victim',
  open: 'Open case {{reference}}',
};
