export const dossierId = {
  title: 'Berita acara serah terima',
  help: 'Unduh dosier kasus ini untuk diperiksa di luar Simpul: berkas JSON untuk simpul-verify, atau berita acara siap cetak. Keduanya tanpa data pribadi.',
  json: 'Unduh dosier (JSON)',
  html: 'Unduh berita acara (siap cetak)',
  progressLabel: 'Kemajuan unduhan',
  preparing: 'Menyiapkan dosier…',
  progress: 'Diterima {{received}} dari {{total}}{{entries}}',
  progressUnknown: 'Diterima {{received}}{{entries}}',
  entries_one: ' · {{count}} entri',
  entries_other: ' · {{count}} entri',
  done: 'Tersimpan: {{file}} ({{size}}, {{entries}} entri).',
  failed: 'Unduhan gagal: {{message}}',
};
