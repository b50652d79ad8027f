export const unitPickerId = {
  agencyKind: 'Jenis instansi',
  where: 'Wilayah',
  province: 'Provinsi',
  country: 'Negara (Perwakilan RI)',
  national: 'Pusat / nasional',
  anyWhere: 'Semua wilayah',
  search: 'Cari satuan kerja',
  unit: 'Satuan kerja tujuan',
  none: 'Tidak ada satuan kerja yang cocok.',
  pick: 'Pilih satuan kerja…',
};
