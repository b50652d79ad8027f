import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dayOfWeek, parseLocalDate } from '../zoned-time';
import { HOLIDAY_YEARS, holidayDates } from './index';

const FOLDER = join(process.cwd(), 'libs/sla/src/holidays');

describe('holiday files', () => {
  it('lists every year file of the folder, one file per year, in order', () => {
    const files = readdirSync(FOLDER)
      .filter((name) => /^\d{4}\.ts$/.test(name))
      .map((name) => Number(name.slice(0, 4)));
    expect(HOLIDAY_YEARS.map((year) => year.year)).toEqual(files.sort());
  });

  it('holds real dates of its own year, each once, each named, with a legal source', () => {
    for (const year of HOLIDAY_YEARS) {
      expect(year.source).toMatch(/Menteri Agama, Menteri Ketenagakerjaan/);
      const dates = year.dates.map((entry) => entry.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      for (const entry of year.dates) {
        expect(parseLocalDate(entry.date).year).toBe(year.year);
        expect(entry.name.length).toBeGreaterThan(3);
      }
      if (year.status === 'provisional') expect(year.missing?.length).toBeGreaterThan(0);
    }
  });

  it('has the 17 national holidays and 8 days of cuti bersama of the 2026 SKB', () => {
    const year2026 = HOLIDAY_YEARS.find((year) => year.year === 2026)!;
    expect(year2026.status).toBe('official');
    expect(year2026.source).toMatch(
      /Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025/,
    );
    const count = (kind: string) => year2026.dates.filter((entry) => entry.kind === kind).length;
    expect(count('NATIONAL_HOLIDAY')).toBe(17);
    expect(count('CUTI_BERSAMA')).toBe(8);
    // Lebaran 2026: Friday 20 to Tuesday 24 March, with the weekend in between.
    for (const date of ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']) {
      expect(holidayDates()).toContain(date);
    }
    // 17 August 2026 is a Monday (a check on the transcription of the weekdays).
    expect(dayOfWeek(parseLocalDate('2026-08-17'))).toBe(1);
  });

  it('has the 18 national holidays and 8 days of cuti bersama of the 2027 SKB', () => {
    const year2027 = HOLIDAY_YEARS.find((year) => year.year === 2027)!;
    expect(year2027.status).toBe('official');
    expect(year2027.missing).toBeUndefined();
    expect(year2027.source).toMatch(
      /Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026/,
    );
    const count = (kind: string) => year2027.dates.filter((entry) => entry.kind === kind).length;
    expect(count('NATIONAL_HOLIDAY')).toBe(18);
    expect(count('CUTI_BERSAMA')).toBe(8);
    const kindOf = (date: string) => year2027.dates.find((entry) => entry.date === date)?.kind;
    // Lebaran 2027: Tuesday 9 to Monday 15 March, cuti bersama around Idul Fitri and the weekend.
    expect(
      ['2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'].map(kindOf),
    ).toEqual([
      'CUTI_BERSAMA',
      'NATIONAL_HOLIDAY',
      'NATIONAL_HOLIDAY',
      'CUTI_BERSAMA',
      'CUTI_BERSAMA',
    ]);
    // Isra Mikraj twice (1448 H and 1449 H); the weekdays check the transcription.
    expect(kindOf('2027-01-05')).toBe('NATIONAL_HOLIDAY');
    expect(dayOfWeek(parseLocalDate('2027-01-05'))).toBe(2);
    expect(kindOf('2027-12-26')).toBe('NATIONAL_HOLIDAY');
    expect(dayOfWeek(parseLocalDate('2027-12-26'))).toBe(0);
    expect(dayOfWeek(parseLocalDate('2027-05-17'))).toBe(1);
  });
});
