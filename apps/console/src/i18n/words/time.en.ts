import type { Same } from '../same';
import type { timeId } from './time.id';

export const timeEn: Same<typeof timeId> = {
  left: '{{duration}} left',
  overdue: '{{duration}} overdue',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  hours: '{{count}} h',
  minutes: '{{count}} min',
  none: '—',
};
