/**
 * Indonesia's 38 provinces with their Kemendagri codes (Papua: Kepmendagri codes 91–96, which
 * differ from BPS's) and the IANA zone business-day deadlines are computed in.
 * WIB = UTC+7, WITA = UTC+8, WIT = UTC+9. West and Central Kalimantan are WIB under their own IANA
 * zone (Asia/Pontianak): same offset and holidays as Asia/Jakarta.
 * `abbr` is the stable part of unit and agency codes (UPTDPPA-NTT, PEMPROV-NTT, POLDA-NTT).
 */
export interface Province {
  code: string;
  abbr: string;
  name: string;
  timeZone: string;
}

const WIB = 'Asia/Jakarta';
const WIB_KALIMANTAN = 'Asia/Pontianak';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

export const PROVINCES: readonly Province[] = [
  { code: '11', abbr: 'ACEH', name: 'Aceh', timeZone: WIB },
  { code: '12', abbr: 'SUMUT', name: 'Sumatera Utara', timeZone: WIB },
  { code: '13', abbr: 'SUMBAR', name: 'Sumatera Barat', timeZone: WIB },
  { code: '14', abbr: 'RIAU', name: 'Riau', timeZone: WIB },
  { code: '15', abbr: 'JAMBI', name: 'Jambi', timeZone: WIB },
  { code: '16', abbr: 'SUMSEL', name: 'Sumatera Selatan', timeZone: WIB },
  { code: '17', abbr: 'BENGKULU', name: 'Bengkulu', timeZone: WIB },
  { code: '18', abbr: 'LAMPUNG', name: 'Lampung', timeZone: WIB },
  { code: '19', abbr: 'BABEL', name: 'Kepulauan Bangka Belitung', timeZone: WIB },
  { code: '21', abbr: 'KEPRI', name: 'Kepulauan Riau', timeZone: WIB },
  { code: '31', abbr: 'DKI', name: 'DKI Jakarta', timeZone: WIB },
  { code: '32', abbr: 'JABAR', name: 'Jawa Barat', timeZone: WIB },
  { code: '33', abbr: 'JATENG', name: 'Jawa Tengah', timeZone: WIB },
  { code: '34', abbr: 'DIY', name: 'Daerah Istimewa Yogyakarta', timeZone: WIB },
  { code: '35', abbr: 'JATIM', name: 'Jawa Timur', timeZone: WIB },
  { code: '36', abbr: 'BANTEN', name: 'Banten', timeZone: WIB },
  { code: '51', abbr: 'BALI', name: 'Bali', timeZone: WITA },
  { code: '52', abbr: 'NTB', name: 'Nusa Tenggara Barat', timeZone: WITA },
  { code: '53', abbr: 'NTT', name: 'Nusa Tenggara Timur', timeZone: WITA },
  { code: '61', abbr: 'KALBAR', name: 'Kalimantan Barat', timeZone: WIB_KALIMANTAN },
  { code: '62', abbr: 'KALTENG', name: 'Kalimantan Tengah', timeZone: WIB_KALIMANTAN },
  { code: '63', abbr: 'KALSEL', name: 'Kalimantan Selatan', timeZone: WITA },
  { code: '64', abbr: 'KALTIM', name: 'Kalimantan Timur', timeZone: WITA },
  { code: '65', abbr: 'KALTARA', name: 'Kalimantan Utara', timeZone: WITA },
  { code: '71', abbr: 'SULUT', name: 'Sulawesi Utara', timeZone: WITA },
  { code: '72', abbr: 'SULTENG', name: 'Sulawesi Tengah', timeZone: WITA },
  { code: '73', abbr: 'SULSEL', name: 'Sulawesi Selatan', timeZone: WITA },
  { code: '74', abbr: 'SULTRA', name: 'Sulawesi Tenggara', timeZone: WITA },
  { code: '75', abbr: 'GORONTALO', name: 'Gorontalo', timeZone: WITA },
  { code: '76', abbr: 'SULBAR', name: 'Sulawesi Barat', timeZone: WITA },
  { code: '81', abbr: 'MALUKU', name: 'Maluku', timeZone: WIT },
  { code: '82', abbr: 'MALUT', name: 'Maluku Utara', timeZone: WIT },
  { code: '91', abbr: 'PAPUA', name: 'Papua', timeZone: WIT },
  { code: '92', abbr: 'PABAR', name: 'Papua Barat', timeZone: WIT },
  { code: '93', abbr: 'PAPSEL', name: 'Papua Selatan', timeZone: WIT },
  { code: '94', abbr: 'PAPTENG', name: 'Papua Tengah', timeZone: WIT },
  { code: '95', abbr: 'PAPEG', name: 'Papua Pegunungan', timeZone: WIT },
  { code: '96', abbr: 'PBD', name: 'Papua Barat Daya', timeZone: WIT },
];

export function province(abbr: string): Province {
  const found = PROVINCES.find((p) => p.abbr === abbr);
  if (!found) throw new Error(`No province with abbreviation ${abbr}`);
  return found;
}
