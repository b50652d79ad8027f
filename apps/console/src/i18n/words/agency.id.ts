export const agencyId = {
  title: 'Rujukan ke satuan kerja instansi {{agency}}',
  perUnit: 'Jumlah per satuan kerja',
  open: 'terbuka',
  overdue: 'terlambat',
  atRisk: 'hampir terlambat',
  total: 'semua',
  idleUnits: 'Satuan kerja tanpa rujukan: {{count}}',
  countsNote: 'Dihitung atas semua rujukan instansi, bukan hanya yang dimuat di bawah.',
};
