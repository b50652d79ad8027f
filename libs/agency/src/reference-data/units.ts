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
];

/** Provincial units of main areas of origin and transit of migrant workers. */
const BP3MI_PROVINCES = [
  'SUMUT', 'RIAU', 'KEPRI', 'LAMPUNG', 'BANTEN', 'DKI', 'JABAR', 'JATENG', 'DIY', 'JATIM',
  'BALI', 'NTB', 'NTT', 'KALBAR', 'KALTARA', 'SULSEL',
]; // prettier-ignore

/**
 * Debarkation and border points (titik debarkasi, PLBN) where returning and deported workers
 * arrive: KP2MI's service posts (P4MI, Pos Pelayanan Penempatan dan Pelindungan PMI) and the
 * immigration offices (Kantor Imigrasi TPI) that check them in. Sources: KP2MI (formerly BP2MI),
 * the debarkation points of its Pos Pelayanan PMI and its placement statistics (Data Penempatan dan
 * Pelindungan PMI, 2023–2024), and the Directorate General of Immigration's list of Kantor Imigrasi
 * and Tempat Pemeriksaan Imigrasi (imigrasi.go.id). Names as those lists give them; codes are
 * Simpul's own and never change.
 */
const DEBARKATION_POSTS: readonly UnitReference[] = [
  regional('P4MI-SOEKARNOHATTA', 'Pos Pelayanan PMI Bandara Soekarno-Hatta', 'KP2MI', 'BANTEN'),
  regional('P4MI-NUNUKAN', 'P4MI Nunukan', 'KP2MI', 'KALTARA'),
  regional('P4MI-ENTIKONG', 'P4MI Entikong', 'KP2MI', 'KALBAR'),
  regional('P4MI-DUMAI', 'P4MI Dumai', 'KP2MI', 'RIAU'),
  regional('P4MI-TANJUNGBALAI', 'P4MI Tanjung Balai Asahan', 'KP2MI', 'SUMUT'),
  regional('P4MI-KUPANG', 'Pos Pelayanan PMI Bandara El Tari Kupang', 'KP2MI', 'NTT'),
  regional('P4MI-ATAMBUA', 'P4MI Atambua (PLBN Motaain)', 'KP2MI', 'NTT'),
  regional('P4MI-BATAM', 'P4MI Batam', 'KP2MI', 'KEPRI'),
  regional('P4MI-TANJUNGPINANG', 'P4MI Tanjung Pinang', 'KP2MI', 'KEPRI'),
  regional('P4MI-TANJUNGPRIOK', 'Pos Pelayanan PMI Pelabuhan Tanjung Priok', 'KP2MI', 'DKI'),
  regional('P4MI-JUANDA', 'Pos Pelayanan PMI Bandara Juanda', 'KP2MI', 'JATIM'),
  regional('P4MI-LOMBOK', 'Pos Pelayanan PMI Bandara Internasional Lombok', 'KP2MI', 'NTB'),
  regional('P4MI-KUALANAMU', 'Pos Pelayanan PMI Bandara Kualanamu', 'KP2MI', 'SUMUT'),
  regional('IMIGRASI-KUPANG', 'Kantor Imigrasi Kelas I TPI Kupang', 'IMIGRASI', 'NTT'),
  regional('IMIGRASI-ATAMBUA', 'Kantor Imigrasi Kelas II TPI Atambua', 'IMIGRASI', 'NTT'),
  regional('IMIGRASI-BATAM', 'Kantor Imigrasi Kelas I Khusus TPI Batam', 'IMIGRASI', 'KEPRI'),
  regional('IMIGRASI-TANJUNGPINANG', 'Kantor Imigrasi Kelas I TPI Tanjung Pinang', 'IMIGRASI', 'KEPRI'),
  regional('IMIGRASI-ENTIKONG', 'Kantor Imigrasi Kelas II TPI Entikong', 'IMIGRASI', 'KALBAR'),
  regional('IMIGRASI-NUNUKAN', 'Kantor Imigrasi Kelas II TPI Nunukan', 'IMIGRASI', 'KALTARA'),
  regional('IMIGRASI-TANJUNGPRIOK', 'Kantor Imigrasi Kelas I Khusus TPI Jakarta Utara', 'IMIGRASI', 'DKI'),
  regional('IMIGRASI-SURABAYA', 'Kantor Imigrasi Kelas I Khusus TPI Surabaya', 'IMIGRASI', 'JATIM'),
  regional('IMIGRASI-MATARAM', 'Kantor Imigrasi Kelas I TPI Mataram', 'IMIGRASI', 'NTB'),
  regional('IMIGRASI-MEDAN', 'Kantor Imigrasi Kelas I Khusus TPI Medan', 'IMIGRASI', 'SUMUT'),
  regional('IMIGRASI-BELAWAN', 'Kantor Imigrasi Kelas II TPI Belawan', 'IMIGRASI', 'SUMUT'),
  regional('IMIGRASI-DUMAI', 'Kantor Imigrasi Kelas II TPI Dumai', 'IMIGRASI', 'RIAU'),
  regional('IMIGRASI-NGURAHRAI', 'Kantor Imigrasi Kelas I Khusus TPI Ngurah Rai', 'IMIGRASI', 'BALI'),
]; // prettier-ignore

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
  regional(`GT-${p.abbr}`, `Gugus Tugas PP-TPPO Provinsi ${p.name}`, `GT-${p.abbr}`, p.abbr),
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
  'GT-NTT': 'Gugus Tugas PP-TPPO Provinsi NTT',
};

export const UNITS: readonly UnitReference[] = [
  ...CENTRAL_UNITS,
  ...MISSIONS,
  ...BP3MI_UNITS,
  ...DEBARKATION_POSTS,
  ...PROVINCIAL_UNITS,
].map((unit) => (CAST_NAMES[unit.code] ? { ...unit, name: CAST_NAMES[unit.code] } : unit));
