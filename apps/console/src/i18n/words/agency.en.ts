import type { Same } from '../same';
import type { agencyId } from './agency.id';

export const agencyEn: Same<typeof agencyId> = {
  title: 'Referrals to the units of {{agency}}',
  perUnit: 'Counts per unit',
  open: 'open',
  overdue: 'breached',
  atRisk: 'at risk',
  total: 'all',
  idleUnits: 'Units with no referrals: {{count}}',
  countsNote: "Counted over all of the agency's referrals, not only those loaded below.",
};
