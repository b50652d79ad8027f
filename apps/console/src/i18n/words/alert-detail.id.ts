// Alert detail screen (/peringatan/{id}): kept together for merges.
export const alertDetailId = {
  back: 'Kembali ke Peringatan',
  open: 'Buka {{reference}}',
  receivers: 'Satuan kerja penerima, pengiriman dan tanda terima',
  deliveredAt: 'sampai {{at}}',
  escalations: 'Eskalasi ke',
  escalatedAt: 'tingkat {{level}}, {{at}}',
};
