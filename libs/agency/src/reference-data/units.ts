import { MISSIONS } from './missions';
import { PROVINCES, province } from './provinces';

export interface UnitReference {
  /** Stable identifier: tests and examples find units by code, never by generated id. */
  code: string;
  name: string;
  agencyCode: string;
  /** Kemendagri code, null for national units and missions abroad. */
  regionCode: string | null;
  /** ISO 3166-1 alpha-2, only for missions abroad. */
  countryCode: string | null;
  timeZone: string;
}

const JAKARTA = 'Asia/Jakarta';

const national = (code: string, name: string, agencyCode: string): UnitReference => ({
  code,
  name,
  agencyCode,
  regionCode: null,
  countryCode: null,
  timeZone: JAKARTA,
});

/** A unit inside one province, in that province's zone. */
const regional = (code: string, name: string, agencyCode: string, abbr: string): UnitReference => {
  const p = province(abbr);
  return { code, name, agencyCode, regionCode: p.code, countryCode: null, timeZone: p.timeZone };
};

/** Central desks: each demo-cast unit (docs/architecture.md) not abroad and not provincial. */
const CENTRAL_UNITS: readonly UnitReference[] = [
  national('KEMLU-PWNI', 'Direktorat Pelindungan WNI', 'KEMLU'),
  national('KP2MI-PUSAT', 'Direktorat Pelindungan', 'KP2MI'),
  national('KEMNAKER-BINWAS', 'Ditjen Binwasnaker & K3', 'KEMNAKER'),
  national('KEMNAKER-BINAPENTA', 'Ditjen Binapenta & PKK', 'KEMNAKER'),
  regional('RPTC-BAMBUAPUS', 'RPTC Bambu Apus', 'KEMENSOS', 'DKI'),
  national('POLRI-PPAPPO', 'Bareskrim Dit. Tipid PPA-PPO', 'POLRI'),
  national('KEMENPPPA-PUSAT', 'Deputi Bidang Perlindungan Hak Perempuan', 'KEMENPPPA'),
  national('LPSK-PUSAT', 'LPSK', 'LPSK'),
  national('IMIGRASI-PUSAT', 'Direktorat Jenderal Imigrasi', 'IMIGRASI'),
  regional(
    'IMIGRASI-SOEKARNOHATTA',
    'Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta',
    'IMIGRASI',
    'BANTEN',
  ),
  national('GT-PUSAT', 'Sekretariat Gugus Tugas PP-TPPO Pusat', 'GT-PUSAT'),
  national('SIMPUL-ADMIN', 'Simpul administration', 'GT-PUSAT'),
  regional('GT-NTT', 'Gugus Tugas PP-TPPO Provinsi NTT', 'GT-NTT', 'NTT'),
];

/** Provincial units of main areas of origin and transit of migrant workers. */
const BP3MI_PROVINCES = [
  'SUMUT', 'RIAU', 'KEPRI', 'LAMPUNG', 'BANTEN', 'DKI', 'JABAR', 'JATENG', 'DIY', 'JATIM',
  'BALI', 'NTB', 'NTT', 'KALBAR', 'KALTARA', 'SULSEL',
]; // prettier-ignore

/** Debarkation points (titik debarkasi) where returning and deported workers arrive. */
const DEBARKATION_POSTS: readonly UnitReference[] = [
  regional('P4MI-SOEKARNOHATTA', 'Pos Pelayanan PMI Bandara Soekarno-Hatta', 'KP2MI', 'BANTEN'),
  regional('P4MI-NUNUKAN', 'P4MI Nunukan', 'KP2MI', 'KALTARA'),
  regional('P4MI-ENTIKONG', 'P4MI Entikong', 'KP2MI', 'KALBAR'),
  regional('P4MI-DUMAI', 'P4MI Dumai', 'KP2MI', 'RIAU'),
  regional('P4MI-TANJUNGBALAI', 'P4MI Tanjung Balai Asahan', 'KP2MI', 'SUMUT'),
];

const BP3MI_UNITS = BP3MI_PROVINCES.map((abbr) =>
  regional(`BP3MI-${abbr}`, `BP3MI ${province(abbr).name}`, 'KP2MI', abbr),
);

/** Polda names that differ from "Polda <province>". */
const POLDA_NAMES: Record<string, string> = {
  DKI: 'Polda Metro Jaya',
  NTT: 'Polda NTT',
  NTB: 'Polda NTB',
  DIY: 'Polda DIY',
};

const PROVINCIAL_UNITS = PROVINCES.flatMap((p) => [
  regional(`UPTDPPA-${p.abbr}`, `UPTD PPA Provinsi ${p.name}`, `PEMPROV-${p.abbr}`, p.abbr),
  regional(`DINSOS-${p.abbr}`, `Dinas Sosial Provinsi ${p.name}`, `PEMPROV-${p.abbr}`, p.abbr),
  regional(
    `POLDA-${p.abbr}`,
    `${POLDA_NAMES[p.abbr] ?? `Polda ${p.name}`} Dit. Reskrimum`,
    'POLRI',
    p.abbr,
  ),
]);

/** Names the demo cast (docs/architecture.md) spells differently from the generated pattern. */
const CAST_NAMES: Record<string, string> = {
  'UPTDPPA-NTT': 'UPTD PPA Provinsi NTT',
};

export const UNITS: readonly UnitReference[] = [
  ...CENTRAL_UNITS,
  ...MISSIONS,
  ...BP3MI_UNITS,
  ...DEBARKATION_POSTS,
  ...PROVINCIAL_UNITS,
].map((unit) => (CAST_NAMES[unit.code] ? { ...unit, name: CAST_NAMES[unit.code] } : unit));
