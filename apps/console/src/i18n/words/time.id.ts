export const timeId = {
  left: 'sisa {{duration}}',
  overdue: 'lewat {{duration}}',
  days_one: '{{count}} hari',
  days_other: '{{count}} hari',
  hours: '{{count}} jam',
  minutes: '{{count}} menit',
  none: '—',
};
