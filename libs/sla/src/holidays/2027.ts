import type { HolidayYear } from './holiday-year';

const holiday = (date: string, name: string) => ({ date, name, kind: 'NATIONAL_HOLIDAY' as const });

/**
 * 2027 is PROVISIONAL: the SKB of the three ministers on holidays and cuti bersama for 2027 could
 * not be found when this file was written (December 2026).
 *
 * Which dates are provisional: none of the eight listed below is in doubt — each is fixed by
 * Keputusan Presiden Nomor 8 Tahun 2024 tentang Hari-Hari Libur (a fixed day of the year) or by
 * the Gregorian Easter computus. What is provisional is the LIST: the holidays of the Hijri, Saka,
 * Chinese and Buddhist calendars and every day of cuti bersama (`missing` below) are set by the
 * SKB alone, so until it is added here those days count as business days and a deadline across
 * them is that much earlier than it will be. Every deadline counted on a 2027 day is reported as
 * such (a warning in the log once per process, `simpul_deadline_holiday_data_gaps_total` with
 * `coverage="provisional"`), and so is one counted past 2027, where no file exists (`coverage="none"`:
 * weekends only).
 *
 * When the SKB is published, an operator (a developer of the deployment):
 * 1. replaces `dates` with its list — `holiday(…)` and `cutiBersama(…)` as in 2026.ts — sets
 *    `status: 'official'`, `source` to the SKB's numbers and date, `references` to where it was
 *    checked, and deletes `missing`;
 * 2. runs `npm run test:unit` (holidays.spec.ts checks the file's shape) and deploys gateway and
 *    worker. New referrals count on the new list at once; a deadline already computed keeps its
 *    instant (it is stored), so a referral sent before the release whose window crosses a new
 *    holiday is due that much earlier than the new list would say — the receiving unit's
 *    supervisor sees it in `overdue` as usual.
 * The next year (2028) is a new file the same way, listed in ./index.ts.
 */
export const HOLIDAYS_2027: HolidayYear = {
  year: 2027,
  status: 'provisional',
  source:
    'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PAN-RB tentang Hari ' +
    'Libur Nasional dan Cuti Bersama Tahun 2027: not found (December 2026); fixed dates after ' +
    'Keputusan Presiden Nomor 8 Tahun 2024 tentang Hari-Hari Libur',
  references: [],
  dates: [
    holiday('2027-01-01', 'Tahun Baru 2027 Masehi'),
    holiday('2027-03-26', 'Wafat Yesus Kristus'),
    holiday('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
    holiday('2027-05-01', 'Hari Buruh Internasional'),
    holiday('2027-05-06', 'Kenaikan Yesus Kristus'),
    holiday('2027-06-01', 'Hari Lahir Pancasila'),
    holiday('2027-08-17', 'Proklamasi Kemerdekaan'),
    holiday('2027-12-25', 'Kelahiran Yesus Kristus'),
  ],
  missing: [
    'Isra Mikraj Nabi Muhammad S.A.W. (Hijri calendar)',
    'Tahun Baru Imlek 2578 Kongzili (falls on Saturday 6 February 2027 by the Chinese calendar)',
    'Hari Suci Nyepi (Saka calendar)',
    'Idul Fitri 1448 Hijriah',
    'Idul Adha 1448 Hijriah',
    'Hari Raya Waisak 2571 BE',
    '1 Muharam Tahun Baru Islam 1449 Hijriah',
    'Maulid Nabi Muhammad S.A.W.',
    'every day of cuti bersama',
  ],
};
