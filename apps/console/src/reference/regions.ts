import { REGENCIES } from './regencies';

/**
 * Provinces (Kemendagri codes, the same list as the hub's reference data: a unit test keeps the
 * two equal) and every regency and city (regencies.ts, generated from the Kemendagri code list),
 * so an officer picks the area of origin by name instead of typing a code.
 */
export interface Region {
  code: string;
  name: string;
}

export const PROVINCES: readonly Region[] = [
  { code: '11', name: 'Aceh' },
  { code: '12', name: 'Sumatera Utara' },
  { code: '13', name: 'Sumatera Barat' },
  { code: '14', name: 'Riau' },
  { code: '15', name: 'Jambi' },
  { code: '16', name: 'Sumatera Selatan' },
  { code: '17', name: 'Bengkulu' },
  { code: '18', name: 'Lampung' },
  { code: '19', name: 'Kepulauan Bangka Belitung' },
  { code: '21', name: 'Kepulauan Riau' },
  { code: '31', name: 'DKI Jakarta' },
  { code: '32', name: 'Jawa Barat' },
  { code: '33', name: 'Jawa Tengah' },
  { code: '34', name: 'Daerah Istimewa Yogyakarta' },
  { code: '35', name: 'Jawa Timur' },
  { code: '36', name: 'Banten' },
  { code: '51', name: 'Bali' },
  { code: '52', name: 'Nusa Tenggara Barat' },
  { code: '53', name: 'Nusa Tenggara Timur' },
  { code: '61', name: 'Kalimantan Barat' },
  { code: '62', name: 'Kalimantan Tengah' },
  { code: '63', name: 'Kalimantan Selatan' },
  { code: '64', name: 'Kalimantan Timur' },
  { code: '65', name: 'Kalimantan Utara' },
  { code: '71', name: 'Sulawesi Utara' },
  { code: '72', name: 'Sulawesi Tengah' },
  { code: '73', name: 'Sulawesi Selatan' },
  { code: '74', name: 'Sulawesi Tenggara' },
  { code: '75', name: 'Gorontalo' },
  { code: '76', name: 'Sulawesi Barat' },
  { code: '81', name: 'Maluku' },
  { code: '82', name: 'Maluku Utara' },
  { code: '91', name: 'Papua' },
  { code: '92', name: 'Papua Barat' },
  { code: '93', name: 'Papua Selatan' },
  { code: '94', name: 'Papua Tengah' },
  { code: '95', name: 'Papua Pegunungan' },
  { code: '96', name: 'Papua Barat Daya' },
];

export { REGENCIES };

/** "Nusa Tenggara Timur" for 53, "Kota Kupang, Nusa Tenggara Timur" for 53.71. */
export function regionName(code: string | null | undefined): string {
  if (!code) return '—';
  const provinceCode = code.slice(0, 2);
  const province = PROVINCES.find((p) => p.code === provinceCode)?.name ?? provinceCode;
  if (code.length <= 2) return province;
  const regency = REGENCIES[provinceCode]?.find((r) => r.code === code)?.name ?? code;
  return `${regency}, ${province}`;
}

export function provinceOf(code: string | null | undefined): string | null {
  return code ? code.slice(0, 2) : null;
}

/** A country's name in the officer's language (KH → Kamboja / Cambodia). */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
