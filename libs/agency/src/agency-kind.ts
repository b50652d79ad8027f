export enum AgencyKind {
  KEMLU = 'KEMLU',
  KP2MI = 'KP2MI',
  KEMNAKER = 'KEMNAKER',
  KEMENSOS = 'KEMENSOS',
  POLRI = 'POLRI',
  PEMDA = 'PEMDA',
  KEMENPPPA = 'KEMENPPPA',
  LPSK = 'LPSK',
  IMIGRASI = 'IMIGRASI',
  GUGUS_TUGAS = 'GUGUS_TUGAS',
  MITRA = 'MITRA',
}

/**
 * The agency kinds whose units are the police: only they keep and read a case's police notes.
 * Other libs decide by this rule, never by comparing a kind to a string.
 */
export function isPoliceAgency(kind: AgencyKind | null | undefined): boolean {
  return kind === AgencyKind.POLRI;
}
