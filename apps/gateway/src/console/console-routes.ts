/**
 * Paths of the console's screens (apps/console/src/app/routes.ts): the gateway answers each of
 * them, and every path under them, with the console's index.html, so a reload or a shared link
 * opens that screen. A unit test keeps this list equal to the console's.
 */
export const CONSOLE_ROUTE_PREFIXES = [
  '/kotak-masuk',
  '/terkirim',
  '/dikembalikan',
  '/rujukan',
  '/kasus',
  '/instansi',
  '/audit',
  '/peringatan',
  '/statistik',
  '/terlambat',
  '/pengaturan',
] as const;
