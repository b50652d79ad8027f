export const navId = {
  inbox: 'Kotak masuk',
  sent: 'Terkirim',
  returned: 'Dikembalikan',
  cases: 'Kasus',
  newCase: 'Kasus baru',
  agency: 'Rujukan instansi',
  audit: 'Audit kasus',
  statistics: 'Statistik',
  overdue: 'Rujukan terlambat',
  alerts: 'Peringatan',
  raiseAlert: 'Peringatan baru',
  soon: 'segera hadir',
};
