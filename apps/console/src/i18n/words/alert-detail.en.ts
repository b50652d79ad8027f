import type { Same } from '../same';
import type { alertDetailId } from './alert-detail.id';

// Alert detail screen (/peringatan/{id}): kept together for merges.
export const alertDetailEn: Same<typeof alertDetailId> = {
  back: 'Back to Alerts',
  open: 'Open {{reference}}',
  receivers: 'Receiving units, delivery and acknowledgement',
  deliveredAt: 'delivered {{at}}',
  escalations: 'Escalated to',
  escalatedAt: 'level {{level}}, {{at}}',
};
