import { Role } from './role';

export interface DemoOfficer {
  username: string;
  unitCode: string;
  roles: Role[];
  /** Fictional people: the demo cast must never resemble real officers' data. */
  displayName: string;
}

/** The demo cast of docs/architecture.md (development and test only): usernames, units, roles. */
export const DEMO_CAST: readonly DemoOfficer[] = [
  { username: 'kbri.phnompenh', unitCode: 'KBRI-PHNOMPENH', roles: [Role.DESK_OFFICER], displayName: 'Rina Wulandari' },
  { username: 'kemlu.pwni', unitCode: 'KEMLU-PWNI', roles: [Role.DESK_OFFICER], displayName: 'Andi Pratama' },
  { username: 'kp2mi.pusat', unitCode: 'KP2MI-PUSAT', roles: [Role.DESK_OFFICER], displayName: 'Siti Rahmawati' },
  { username: 'bp3mi.ntt', unitCode: 'BP3MI-NTT', roles: [Role.DESK_OFFICER], displayName: 'Yohanes Bria' },
  { username: 'bp3mi.ntt.kepala', unitCode: 'BP3MI-NTT', roles: [Role.SUPERVISOR], displayName: 'Maria Seran' },
  { username: 'kemnaker.pengawasan', unitCode: 'KEMNAKER-BINWAS', roles: [Role.DESK_OFFICER], displayName: 'Budi Santoso' },
  { username: 'kemensos.rptc', unitCode: 'RPTC-BAMBUAPUS', roles: [Role.DESK_OFFICER], displayName: 'Dewi Kartika' },
  { username: 'polri.ppo', unitCode: 'POLRI-PPAPPO', roles: [Role.INVESTIGATOR], displayName: 'Hendra Wijaya' },
  { username: 'polda.ntt', unitCode: 'POLDA-NTT', roles: [Role.INVESTIGATOR], displayName: 'Fransiskus Nahak' },
  { username: 'uptdppa.ntt', unitCode: 'UPTDPPA-NTT', roles: [Role.DESK_OFFICER], displayName: 'Agustina Lado' },
  { username: 'lpsk', unitCode: 'LPSK-PUSAT', roles: [Role.DESK_OFFICER], displayName: 'Nur Aini' },
  { username: 'gugustugas.ntt', unitCode: 'GT-NTT', roles: [Role.SUPERVISOR], displayName: 'Yosef Manek' },
  { username: 'auditor', unitCode: 'GT-PUSAT', roles: [Role.AUDITOR], displayName: 'Ratna Sari' },
  { username: 'admin', unitCode: 'SIMPUL-ADMIN', roles: [Role.ADMIN], displayName: 'Simpul Admin' },
]; // prettier-ignore
