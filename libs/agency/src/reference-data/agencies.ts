import { AgencyKind } from '../agency-kind';
import { PROVINCES } from './provinces';

export interface AgencyReference {
  /** Stable identifier: tests, examples and agency systems find agencies by code. */
  code: string;
  name: string;
  kind: AgencyKind;
}

const NATIONAL_AGENCIES: readonly AgencyReference[] = [
  { code: 'KEMLU', name: 'Kementerian Luar Negeri', kind: AgencyKind.KEMLU },
  {
    code: 'KP2MI',
    name: 'Kementerian Pelindungan Pekerja Migran Indonesia',
    kind: AgencyKind.KP2MI,
  },
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', kind: AgencyKind.KEMNAKER },
  { code: 'KEMENSOS', name: 'Kementerian Sosial', kind: AgencyKind.KEMENSOS },
  { code: 'POLRI', name: 'Kepolisian Negara Republik Indonesia', kind: AgencyKind.POLRI },
  {
    code: 'KEMENPPPA',
    name: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    kind: AgencyKind.KEMENPPPA,
  },
  { code: 'LPSK', name: 'Lembaga Perlindungan Saksi dan Korban', kind: AgencyKind.LPSK },
  { code: 'IMIGRASI', name: 'Direktorat Jenderal Imigrasi', kind: AgencyKind.IMIGRASI },
  { code: 'GT-PUSAT', name: 'Gugus Tugas PP-TPPO Pusat', kind: AgencyKind.GUGUS_TUGAS },
];

/**
 * Each province's anti-trafficking task force (Gugus Tugas PP-TPPO Provinsi, Perpres 49/2023 and
 * Perpres 69/2008 before it): an agency of its own per province, GT-<abbr>, holding one unit of the
 * same code — the desk escalations and provincial alerts reach.
 */
const PROVINCIAL_TASK_FORCES: readonly AgencyReference[] = PROVINCES.map((p) => ({
  code: `GT-${p.abbr}`,
  name: `Gugus Tugas PP-TPPO Provinsi ${p.name}`,
  kind: AgencyKind.GUGUS_TUGAS,
}));

/** Each province's government (PEMDA): holds its UPTD PPA and Dinas Sosial. */
const PROVINCIAL_GOVERNMENTS: readonly AgencyReference[] = PROVINCES.map((p) => ({
  code: `PEMPROV-${p.abbr}`,
  name: `Pemerintah Provinsi ${p.name}`,
  kind: AgencyKind.PEMDA,
}));

export const AGENCIES: readonly AgencyReference[] = [
  ...NATIONAL_AGENCIES,
  ...PROVINCIAL_TASK_FORCES,
  ...PROVINCIAL_GOVERNMENTS,
];
