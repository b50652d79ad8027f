/** Why a date is not a business day. */
export type HolidayKind =
  /** Hari libur nasional: a national public holiday. */
  | 'NATIONAL_HOLIDAY'
  /** Cuti bersama: collective leave the government sets around holidays (ASN offices close). */
  | 'CUTI_BERSAMA';

export interface HolidayDate {
  /** Local date, YYYY-MM-DD: the same calendar day in WIB, WITA, WIT and at every mission. */
  date: string;
  /** Its name as the decree writes it (Bahasa Indonesia). */
  name: string;
  kind: HolidayKind;
}

/**
 * One year's national holidays and cuti bersama, as one file per year in this folder. Adding a
 * year is adding its file and listing it in ./index.ts (a unit test fails on a file not listed).
 */
export interface HolidayYear {
  year: number;
  /**
   * `official`: the dates are those of the decree in `source`. `provisional`: the decree for that
   * year could not be found yet; only dates fixed by law or by the calendar are listed, and the
   * file is to be replaced by the decree's list when it is published.
   */
  status: 'official' | 'provisional';
  /** The legal source: the Surat Keputusan Bersama (SKB) of the three ministers, number and date. */
  source: string;
  /** Where the list was checked (public announcements of the SKB). */
  references: string[];
  dates: HolidayDate[];
  /** What is known to be missing from a provisional year. */
  missing?: string[];
}
