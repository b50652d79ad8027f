export const overdueId = {
  title: 'Rujukan terlambat',
  intro:
    'Rujukan yang masih menunggu melewati batas waktunya, yang paling lama terlambat di atas. Eskalasi naik satu tingkat pada 100 %, 150 % dan 200 % dari batas waktu, dihitung dalam hari kerja.',
  count_one: '{{count}} rujukan terlambat',
  count_other: '{{count}} rujukan terlambat',
  none: 'Tidak ada rujukan yang terlambat.',
  columns: {
    reference: 'Nomor rujukan',
    toUnit: 'Unit penerima',
    fromUnit: 'Unit pengirim',
    priority: 'Sifat',
    deadline: 'Batas yang terlewati',
    level: 'Eskalasi',
  },
  deadline: {
    ACKNOWLEDGE: 'Batas tanda terima',
    ACCEPT: 'Batas kesanggupan',
  },
};
