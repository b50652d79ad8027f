export const errorsId = {
  UNAUTHENTICATED: 'Sesi berakhir atau nama pengguna/kata sandi salah. Silakan masuk kembali.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  NOT_FOUND: 'Data tidak ditemukan atau tidak dapat Anda akses.',
  BAD_USER_INPUT: 'Isian tidak valid: {{message}}',
  CONFLICT: 'Data telah berubah sementara itu oleh pihak lain.',
  RATE_LIMITED: 'Terlalu banyak percobaan. Coba lagi dalam {{seconds}} detik.',
  NOT_IMPLEMENTED: 'Fitur ini belum tersedia.',
  INTERNAL_SERVER_ERROR:
    'Terjadi kesalahan di server Simpul. Coba lagi; bila berulang, hubungi admin.',
  SERVICE_UNAVAILABLE: 'Layanan Simpul sedang tidak tersedia. Coba lagi sebentar lagi.',
  NETWORK: 'Tidak dapat menghubungi server Simpul. Periksa sambungan.',
  UNKNOWN: 'Terjadi kesalahan: {{message}}',
};
