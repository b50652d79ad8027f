export const verifyId = {
  title: 'Verifikasi buku besar',
  help: 'Peramban Anda sendiri menghitung ulang hash setiap entri kasus ini, memeriksa bukti inklusinya pada checkpoint bertanda tangan, dan memeriksa tanda tangan Ed25519 checkpoint itu dengan kunci publik Simpul — tanpa mempercayai server.',
  run: 'Verifikasi',
  again: 'Verifikasi lagi',
  progressLabel: 'Kemajuan verifikasi',
  preparing: 'Mengambil entri, checkpoint, dan kunci publik…',
  progress: 'Memeriksa entri {{checked}} dari {{total}}…',
  verifiedTitle: 'Terverifikasi',
  partialTitle: 'Sebagian terverifikasi',
  uncoveredTitle: 'Belum dapat dibuktikan',
  verified_one:
    '{{count}} entri kasus ini tercatat di buku besar yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  verified_other:
    '{{count}} entri kasus ini tercatat di buku besar yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  verifiedEnd: ').',
  verifiedSome_one:
    '{{count}} dari {{total}} entri kasus ini tercatat di buku besar yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  verifiedSome_other:
    '{{count}} dari {{total}} entri kasus ini tercatat di buku besar yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  verifiedNone_one:
    'Entri kasus ini belum tercakup checkpoint bertanda tangan terbaru, yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  verifiedNone_other:
    'Belum satu pun dari {{count}} entri kasus ini tercakup checkpoint bertanda tangan terbaru, yang ditandatangani pada {{issuedAt}} (ukuran pohon {{treeSize}}, sidik jari',
  noCheckpoint_one:
    'Belum ada checkpoint bertanda tangan, jadi keberadaan entri kasus ini di buku besar yang ditandatangani belum dapat dibuktikan. Verifikasi lagi sekitar satu menit lagi.',
  noCheckpoint_other:
    'Belum ada checkpoint bertanda tangan, jadi keberadaan {{count}} entri kasus ini di buku besar yang ditandatangani belum dapat dibuktikan. Verifikasi lagi sekitar satu menit lagi.',
  checkedSignature: 'Tanda tangan Ed25519 checkpoint sah menurut kunci publik Simpul {{keyId}}.',
  checkedHashes:
    'Hash setiap entri dihitung ulang dari isinya dan cocok; isi dan catatan cocok dengan digest-nya.',
  checkedInclusion: 'Bukti inklusi setiap entri mengarah ke akar pohon Merkle yang ditandatangani.',
  checkedInclusionSome_one:
    'Bukti inklusi entri itu mengarah ke akar pohon Merkle yang ditandatangani.',
  checkedInclusionSome_other:
    'Bukti inklusi {{count}} entri itu mengarah ke akar pohon Merkle yang ditandatangani.',
  uncovered_one:
    '{{count}} entri terbaru belum tercakup checkpoint bertanda tangan: hash-nya cocok, tetapi bukti inklusinya baru ada pada checkpoint berikutnya (paling lama sekitar satu menit). Verifikasi lagi nanti.',
  uncovered_other:
    '{{count}} entri terbaru belum tercakup checkpoint bertanda tangan: hash-nya cocok, tetapi bukti inklusinya baru ada pada checkpoint berikutnya (paling lama sekitar satu menit). Verifikasi lagi nanti.',
  failedTitle: 'Verifikasi gagal',
  failedEntry: 'Entri ke-{{position}}: {{action}}{{referral}} (nomor urut buku besar {{seq}}).',
  failedTag: 'Gagal verifikasi',
  reason: {
    NOT_HASHED: 'Server tidak memberikan isi yang di-hash untuk entri ini.',
    SHOWN_DIFFERS: 'Yang ditampilkan tidak sama dengan yang di-hash.',
    PAYLOAD_DIGEST: 'Isi entri tidak cocok dengan digest-nya: isinya telah diubah.',
    NOTE_DIGEST: 'Catatan yang ditampilkan tidak cocok dengan digest yang tercatat.',
    ENTRY_HASH: 'Hash entri tidak cocok dengan isinya: entri ini telah diubah setelah dicatat.',
    CHAIN: 'Entri ini tidak tersambung dengan entri sebelumnya di rantai hash.',
    NOT_INCLUDED:
      'Entri ini tidak ada di pohon Merkle yang ditandatangani: bukti inklusinya tidak mengarah ke akar yang ditandatangani.',
  },
  failedCheckpoint: 'Verifikasi gagal: {{reason}}',
  checkpoint: {
    UNKNOWN_KEY:
      'checkpoint ditandatangani dengan kunci yang tidak ada di daftar kunci publik Simpul.',
    BAD_KEY: 'kunci publik yang diterbitkan tidak sesuai dengan ID kuncinya.',
    BAD_SIGNATURE: 'tanda tangan checkpoint tidak sah.',
    NO_ED25519:
      'peramban ini belum mendukung Ed25519 di WebCrypto. Gunakan Chrome atau Chromium terbaru, atau unduh dosier dan periksa dengan simpul-verify.',
    NO_WEBCRYPTO: 'WebCrypto tidak tersedia di halaman ini (hanya lewat https).',
  },
  empty: 'Kasus ini belum punya entri di buku besar.',
  error: 'Verifikasi tidak dapat dijalankan: {{message}}',
};
