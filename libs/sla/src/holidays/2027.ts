import type { HolidayYear } from './holiday-year';

const holiday = (date: string, name: string) => ({ date, name, kind: 'NATIONAL_HOLIDAY' as const });
const cutiBersama = (date: string, name: string) => ({ date, name, kind: 'CUTI_BERSAMA' as const });

/**
 * 18 national holidays and 8 days of cuti bersama in 2027, from the SKB signed on 15 September
 * 2026. Two Isra Mikraj fall in 2027 (1448 H on 5 January, 1449 H on 26 December): the Hijri year
 * is eleven days shorter than the Gregorian one, hence 18 holidays where 2026 had 17.
 *
 * The list was checked, date by date and kind by kind, against the public announcements in
 * `references` and against four independent transcriptions of the SKB's annex, which all agree.
 * The SKB leaves 1 Ramadan, Idulfitri and Iduladha 1448 H to a separate Keputusan Menteri Agama
 * (the isbat): if that decision moves one of them, change its dates here the same way (tests:
 * `npm run test:unit`), and deploy gateway and worker. A deadline already computed keeps its stored
 * instant; new ones count on the new list at once.
 */
export const HOLIDAYS_2027: HolidayYear = {
  year: 2027,
  status: 'official',
  source:
    'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur ' +
    'Negara dan Reformasi Birokrasi Republik Indonesia Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, ' +
    'Nomor 2 Tahun 2026 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027, ' +
    'signed on 15 September 2026',
  references: [
    'https://setneg.go.id/baca/index/inilah_skb_3_menteri_libur_nasional_dan_cuti_bersama_2027',
    'https://www.kemenkopmk.go.id/pemerintah-tetapkan-18-hari-libur-nasional-dan-8-cuti-bersama-tahun-2027',
    'https://kemnaker.go.id/news/detail/pemerintah-tetapkan-18-hari-libur-nasional-dan-8-hari-cuti-bersama-tahun-2027',
  ],
  dates: [
    holiday('2027-01-01', 'Tahun Baru 2027 Masehi'),
    holiday('2027-01-05', 'Isra Mikraj Nabi Muhammad S.A.W. 1448 Hijriah'),
    cutiBersama('2027-02-05', 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili'),
    holiday('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
    holiday('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'),
    cutiBersama('2027-03-09', 'Cuti Bersama Idul Fitri 1448 Hijriah'),
    holiday('2027-03-10', 'Idul Fitri 1448 Hijriah'),
    holiday('2027-03-11', 'Idul Fitri 1448 Hijriah'),
    cutiBersama('2027-03-12', 'Cuti Bersama Idul Fitri 1448 Hijriah'),
    cutiBersama('2027-03-15', 'Cuti Bersama Idul Fitri 1448 Hijriah'),
    cutiBersama('2027-03-25', 'Cuti Bersama Wafat Yesus Kristus'),
    holiday('2027-03-26', 'Wafat Yesus Kristus'),
    holiday('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
    holiday('2027-05-01', 'Hari Buruh Internasional'),
    holiday('2027-05-06', 'Kenaikan Yesus Kristus'),
    holiday('2027-05-17', 'Idul Adha 1448 Hijriah'),
    cutiBersama('2027-05-18', 'Cuti Bersama Idul Adha 1448 Hijriah'),
    cutiBersama('2027-05-19', 'Cuti Bersama Hari Raya Waisak 2571 BE'),
    holiday('2027-05-20', 'Hari Raya Waisak 2571 BE'),
    holiday('2027-06-01', 'Hari Lahir Pancasila'),
    holiday('2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah'),
    holiday('2027-08-15', 'Maulid Nabi Muhammad S.A.W.'),
    holiday('2027-08-17', 'Proklamasi Kemerdekaan'),
    cutiBersama('2027-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
    holiday('2027-12-25', 'Kelahiran Yesus Kristus'),
    holiday('2027-12-26', 'Isra Mikraj Nabi Muhammad S.A.W. 1449 Hijriah'),
  ],
};
