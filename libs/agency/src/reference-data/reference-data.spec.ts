import { AgencyKind } from '../agency-kind';
import { AGENCIES } from './agencies';
import { PROVINCES } from './provinces';
import { UNITS } from './units';

const unit = (code: string) => UNITS.find((u) => u.code === code);
const agency = (code: string) => AGENCIES.find((a) => a.code === code);

describe('reference data', () => {
  it('has unique agency and unit codes', () => {
    expect(new Set(AGENCIES.map((a) => a.code)).size).toBe(AGENCIES.length);
    expect(new Set(UNITS.map((u) => u.code)).size).toBe(UNITS.length);
  });

  it('places every unit in a known agency, in a valid IANA zone', () => {
    for (const u of UNITS) {
      expect(agency(u.agencyCode)).toBeDefined();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: u.timeZone })).not.toThrow();
    }
  });

  it('holds the units of the demo cast exactly as docs/architecture.md lists them', () => {
    const cast: [string, string, string, AgencyKind, string | null, string | null, string][] = [
      ['KBRI-PHNOMPENH', 'KBRI Phnom Penh', 'KEMLU', AgencyKind.KEMLU, null, 'KH', 'Asia/Phnom_Penh'],
      ['KEMLU-PWNI', 'Direktorat Pelindungan WNI', 'KEMLU', AgencyKind.KEMLU, null, null, 'Asia/Jakarta'],
      ['KP2MI-PUSAT', 'Direktorat Pelindungan', 'KP2MI', AgencyKind.KP2MI, null, null, 'Asia/Jakarta'],
      ['BP3MI-NTT', 'BP3MI Nusa Tenggara Timur', 'KP2MI', AgencyKind.KP2MI, '53', null, 'Asia/Makassar'],
      ['KEMNAKER-BINWAS', 'Ditjen Binwasnaker & K3', 'KEMNAKER', AgencyKind.KEMNAKER, null, null, 'Asia/Jakarta'],
      ['RPTC-BAMBUAPUS', 'RPTC Bambu Apus', 'KEMENSOS', AgencyKind.KEMENSOS, '31', null, 'Asia/Jakarta'],
      ['POLRI-PPAPPO', 'Bareskrim Dit. Tipid PPA-PPO', 'POLRI', AgencyKind.POLRI, null, null, 'Asia/Jakarta'],
      ['POLDA-NTT', 'Polda NTT Dit. Reskrimum', 'POLRI', AgencyKind.POLRI, '53', null, 'Asia/Makassar'],
      ['UPTDPPA-NTT', 'UPTD PPA Provinsi NTT', 'PEMPROV-NTT', AgencyKind.PEMDA, '53', null, 'Asia/Makassar'],
      ['LPSK-PUSAT', 'LPSK', 'LPSK', AgencyKind.LPSK, null, null, 'Asia/Jakarta'],
      ['GT-NTT', 'Gugus Tugas PP-TPPO Provinsi NTT', 'GT-NTT', AgencyKind.GUGUS_TUGAS, '53', null, 'Asia/Makassar'],
      ['GT-PUSAT', 'Sekretariat Gugus Tugas PP-TPPO Pusat', 'GT-PUSAT', AgencyKind.GUGUS_TUGAS, null, null, 'Asia/Jakarta'],
      ['SIMPUL-ADMIN', 'Simpul administration', 'GT-PUSAT', AgencyKind.GUGUS_TUGAS, null, null, 'Asia/Jakarta'],
    ]; // prettier-ignore
    for (const [code, name, agencyCode, kind, regionCode, countryCode, timeZone] of cast) {
      expect(unit(code)).toEqual({ code, name, agencyCode, regionCode, countryCode, timeZone });
      expect(agency(agencyCode)?.kind).toBe(kind);
    }
  });

  it('gives all 38 provinces a government with UPTD PPA and Dinsos, and a Polda', () => {
    expect(PROVINCES).toHaveLength(38);
    for (const p of PROVINCES) {
      expect(agency(`PEMPROV-${p.abbr}`)?.kind).toBe(AgencyKind.PEMDA);
      for (const prefix of ['UPTDPPA', 'DINSOS']) {
        expect(unit(`${prefix}-${p.abbr}`)).toMatchObject({
          agencyCode: `PEMPROV-${p.abbr}`,
          regionCode: p.code,
          timeZone: p.timeZone,
        });
      }
      expect(unit(`POLDA-${p.abbr}`)).toMatchObject({ agencyCode: 'POLRI', regionCode: p.code });
    }
  });

  it('gives every province a Gugus Tugas of its own, in its zone', () => {
    for (const p of PROVINCES) {
      expect(agency(`GT-${p.abbr}`)?.kind).toBe(AgencyKind.GUGUS_TUGAS);
      expect(unit(`GT-${p.abbr}`)).toMatchObject({
        agencyCode: `GT-${p.abbr}`,
        regionCode: p.code,
        timeZone: p.timeZone,
      });
    }
  });

  it('holds the main debarkation and border posts: KP2MI service posts and immigration offices', () => {
    const posts = [
      ['P4MI-KUPANG', 'KP2MI', '53'],
      ['P4MI-ATAMBUA', 'KP2MI', '53'],
      ['IMIGRASI-KUPANG', 'IMIGRASI', '53'],
      ['IMIGRASI-ATAMBUA', 'IMIGRASI', '53'],
      ['P4MI-BATAM', 'KP2MI', '21'],
      ['IMIGRASI-BATAM', 'IMIGRASI', '21'],
      ['P4MI-TANJUNGPINANG', 'KP2MI', '21'],
      ['IMIGRASI-TANJUNGPINANG', 'IMIGRASI', '21'],
      ['P4MI-ENTIKONG', 'KP2MI', '61'],
      ['P4MI-NUNUKAN', 'KP2MI', '65'],
      ['IMIGRASI-SOEKARNOHATTA', 'IMIGRASI', '36'],
    ];
    for (const [code, agencyCode, regionCode] of posts) {
      expect(unit(code)).toMatchObject({ agencyCode, regionCode, countryCode: null });
    }
  });

  it('uses the time zone of each province: WIB, WITA or WIT', () => {
    const zoneOf = (code: string) => PROVINCES.find((p) => p.code === code)?.timeZone;
    expect(zoneOf('31')).toBe('Asia/Jakarta');
    expect(zoneOf('51')).toBe('Asia/Makassar');
    expect(zoneOf('53')).toBe('Asia/Makassar');
    expect(zoneOf('91')).toBe('Asia/Jayapura');
    expect(zoneOf('81')).toBe('Asia/Jayapura');
  });

  it('keeps missions abroad in KEMLU with a country and no region', () => {
    const missions = UNITS.filter((u) => u.countryCode !== null);
    expect(missions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(missions.map((m) => m.countryCode)).size).toBeGreaterThanOrEqual(30);
    for (const m of missions) {
      expect(m.agencyCode).toBe('KEMLU');
      expect(m.regionCode).toBeNull();
      expect(m.countryCode).toMatch(/^[A-Z]{2}$/);
    }
  });
});
