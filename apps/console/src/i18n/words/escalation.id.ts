export const escalationId = {
  level: 'Eskalasi {{level}}',
  levels: {
    1: 'Eskalasi 1: kepala unit penerima (supervisor)',
    2: 'Eskalasi 2: unit pimpinan instansi penerima',
    3: 'Eskalasi 3: Gugus Tugas PP-TPPO provinsi',
    4: 'Eskalasi 4: Gugus Tugas PP-TPPO Pusat',
  },
};
