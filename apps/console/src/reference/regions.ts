/**
 * Provinces (Kemendagri codes, the same list as the hub's reference data: a unit test keeps the
 * two equal) and, for the provinces most trafficking cases come from, their regencies and cities,
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

export const REGENCIES: Readonly<Record<string, readonly Region[]>> = {
  '52': [
    { code: '52.01', name: 'Kabupaten Lombok Barat' },
    { code: '52.02', name: 'Kabupaten Lombok Tengah' },
    { code: '52.03', name: 'Kabupaten Lombok Timur' },
    { code: '52.04', name: 'Kabupaten Sumbawa' },
    { code: '52.05', name: 'Kabupaten Dompu' },
    { code: '52.06', name: 'Kabupaten Bima' },
    { code: '52.07', name: 'Kabupaten Sumbawa Barat' },
    { code: '52.08', name: 'Kabupaten Lombok Utara' },
    { code: '52.71', name: 'Kota Mataram' },
    { code: '52.72', name: 'Kota Bima' },
  ],
  '53': [
    { code: '53.01', name: 'Kabupaten Sumba Barat' },
    { code: '53.02', name: 'Kabupaten Sumba Timur' },
    { code: '53.03', name: 'Kabupaten Kupang' },
    { code: '53.04', name: 'Kabupaten Timor Tengah Selatan' },
    { code: '53.05', name: 'Kabupaten Timor Tengah Utara' },
    { code: '53.06', name: 'Kabupaten Belu' },
    { code: '53.07', name: 'Kabupaten Alor' },
    { code: '53.08', name: 'Kabupaten Lembata' },
    { code: '53.09', name: 'Kabupaten Flores Timur' },
    { code: '53.10', name: 'Kabupaten Sikka' },
    { code: '53.11', name: 'Kabupaten Ende' },
    { code: '53.12', name: 'Kabupaten Ngada' },
    { code: '53.13', name: 'Kabupaten Manggarai' },
    { code: '53.14', name: 'Kabupaten Rote Ndao' },
    { code: '53.15', name: 'Kabupaten Manggarai Barat' },
    { code: '53.16', name: 'Kabupaten Sumba Tengah' },
    { code: '53.17', name: 'Kabupaten Sumba Barat Daya' },
    { code: '53.18', name: 'Kabupaten Nagekeo' },
    { code: '53.19', name: 'Kabupaten Manggarai Timur' },
    { code: '53.20', name: 'Kabupaten Sabu Raijua' },
    { code: '53.21', name: 'Kabupaten Malaka' },
    { code: '53.71', name: 'Kota Kupang' },
  ],
};

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
