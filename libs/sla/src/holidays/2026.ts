import type { HolidayYear } from './holiday-year';

const holiday = (date: string, name: string) => ({ date, name, kind: 'NATIONAL_HOLIDAY' as const });
const cutiBersama = (date: string, name: string) => ({ date, name, kind: 'CUTI_BERSAMA' as const });

/** 17 national holidays and 8 days of cuti bersama in 2026. */
export const HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  status: 'official',
  source:
    'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur ' +
    'Negara dan Reformasi Birokrasi Republik Indonesia Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, ' +
    'Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026, ' +
    'announced by the Menko PMK on 19 September 2025',
  references: [
    'https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri',
    'https://pembelajaranbermaknaid.blogspot.com/2025/11/skb-3-menteri-rilis-daftar-cuti-bersama.html',
  ],
  dates: [
    holiday('2026-01-01', 'Tahun Baru 2026 Masehi'),
    holiday('2026-01-16', 'Isra Mikraj Nabi Muhammad S.A.W.'),
    cutiBersama('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'),
    holiday('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
    cutiBersama('2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
    holiday('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
    cutiBersama('2026-03-20', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
    holiday('2026-03-21', 'Idul Fitri 1447 Hijriah'),
    holiday('2026-03-22', 'Idul Fitri 1447 Hijriah'),
    cutiBersama('2026-03-23', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
    cutiBersama('2026-03-24', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
    holiday('2026-04-03', 'Wafat Yesus Kristus'),
    holiday('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
    holiday('2026-05-01', 'Hari Buruh Internasional'),
    holiday('2026-05-14', 'Kenaikan Yesus Kristus'),
    cutiBersama('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
    holiday('2026-05-27', 'Idul Adha 1447 Hijriah'),
    cutiBersama('2026-05-28', 'Cuti Bersama Idul Adha 1447 Hijriah'),
    holiday('2026-05-31', 'Hari Raya Waisak 2570 BE'),
    holiday('2026-06-01', 'Hari Lahir Pancasila'),
    holiday('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
    holiday('2026-08-17', 'Proklamasi Kemerdekaan'),
    holiday('2026-08-25', 'Maulid Nabi Muhammad S.A.W.'),
    cutiBersama('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
    holiday('2026-12-25', 'Kelahiran Yesus Kristus'),
  ],
};
