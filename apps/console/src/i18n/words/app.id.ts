export const appId = {
  name: 'Simpul',
  tagline: 'Simpul rujukan penanganan TPPO',
  skip: 'Langsung ke isi utama',
  language: 'English',
  languageLabel: 'Ganti bahasa ke English',
  signOut: 'Keluar',
  signedInAs: '{{name}} · {{unit}}',
  offline:
    'Anda sedang luring. Yang tampil adalah data terakhir; tindakan baru dapat dikirim setelah tersambung kembali.',
  live: {
    connected: 'Langsung: tersambung',
    connecting: 'Langsung: menyambung…',
    closed: 'Langsung: terputus, menyambung ulang…',
  },
  loading: 'Memuat…',
  notFound: 'Halaman tidak ditemukan.',
  home: 'Kembali ke awal',
  /** Read again from the server when nothing failed (retry is for after an error). */
  reload: 'Muat ulang',
  retry: 'Coba lagi',
  titleNew_one: '({{count}} baru) {{title}}',
  titleNew_other: '({{count}} baru) {{title}}',
  mainNav: 'Navigasi utama',
};
