import type { UnitReference } from './units';

/**
 * Indonesian missions abroad (Perwakilan RI: KBRI embassies, KJRI/KRI consulates, KDEI Taipei) in
 * the countries where Indonesian migrant workers are placed and where trafficked Indonesians are
 * most often found: KEMLU units with a countryCode and the mission's own time zone for deadlines.
 * Sources: Kemlu's list of Perwakilan RI (kemlu.go.id, "Perwakilan"), and the destination
 * countries of KP2MI's (formerly BP2MI) placement statistics, Data Penempatan dan Pelindungan PMI
 * 2023–2024 — Asia and the Gulf first, then Europe, the Americas and Oceania, where placements and
 * trafficking cases (fishing crews, caregivers, online-scam recruitment) have grown. Codes are
 * Simpul's own and never change.
 */
const mission = (
  code: string,
  name: string,
  countryCode: string,
  timeZone: string,
): UnitReference => ({ code, name, agencyCode: 'KEMLU', regionCode: null, countryCode, timeZone });

export const MISSIONS: readonly UnitReference[] = [
  mission('KBRI-PHNOMPENH', 'KBRI Phnom Penh', 'KH', 'Asia/Phnom_Penh'),
  mission('KBRI-KUALALUMPUR', 'KBRI Kuala Lumpur', 'MY', 'Asia/Kuala_Lumpur'),
  mission('KJRI-JOHORBAHRU', 'KJRI Johor Bahru', 'MY', 'Asia/Kuala_Lumpur'),
  mission('KJRI-PENANG', 'KJRI Penang', 'MY', 'Asia/Kuala_Lumpur'),
  mission('KJRI-KUCHING', 'KJRI Kuching', 'MY', 'Asia/Kuching'),
  mission('KJRI-KOTAKINABALU', 'KJRI Kota Kinabalu', 'MY', 'Asia/Kuching'),
  mission('KRI-TAWAU', 'Konsulat RI Tawau', 'MY', 'Asia/Kuching'),
  mission('KBRI-SINGAPURA', 'KBRI Singapura', 'SG', 'Asia/Singapore'),
  mission('KBRI-BANDARSERIBEGAWAN', 'KBRI Bandar Seri Begawan', 'BN', 'Asia/Brunei'),
  mission('KBRI-BANGKOK', 'KBRI Bangkok', 'TH', 'Asia/Bangkok'),
  mission('KBRI-YANGON', 'KBRI Yangon', 'MM', 'Asia/Yangon'),
  mission('KBRI-VIENTIANE', 'KBRI Vientiane', 'LA', 'Asia/Vientiane'),
  mission('KBRI-HANOI', 'KBRI Hanoi', 'VN', 'Asia/Ho_Chi_Minh'),
  mission('KBRI-MANILA', 'KBRI Manila', 'PH', 'Asia/Manila'),
  mission('KJRI-DAVAO', 'KJRI Davao City', 'PH', 'Asia/Manila'),
  mission('KBRI-DILI', 'KBRI Dili', 'TL', 'Asia/Dili'),
  mission('KJRI-HONGKONG', 'KJRI Hong Kong', 'HK', 'Asia/Hong_Kong'),
  // Taiwan has no embassy: the Indonesian Economic and Trade Office (KDEI) does consular work.
  mission('KDEI-TAIPEI', 'KDEI Taipei', 'TW', 'Asia/Taipei'),
  mission('KBRI-BEIJING', 'KBRI Beijing', 'CN', 'Asia/Shanghai'),
  mission('KBRI-SEOUL', 'KBRI Seoul', 'KR', 'Asia/Seoul'),
  mission('KBRI-TOKYO', 'KBRI Tokyo', 'JP', 'Asia/Tokyo'),
  mission('KBRI-RIYADH', 'KBRI Riyadh', 'SA', 'Asia/Riyadh'),
  mission('KJRI-JEDDAH', 'KJRI Jeddah', 'SA', 'Asia/Riyadh'),
  mission('KBRI-ABUDHABI', 'KBRI Abu Dhabi', 'AE', 'Asia/Dubai'),
  mission('KJRI-DUBAI', 'KJRI Dubai', 'AE', 'Asia/Dubai'),
  mission('KBRI-DOHA', 'KBRI Doha', 'QA', 'Asia/Qatar'),
  mission('KBRI-KUWAIT', 'KBRI Kuwait City', 'KW', 'Asia/Kuwait'),
  mission('KBRI-MUSCAT', 'KBRI Muscat', 'OM', 'Asia/Muscat'),
  mission('KBRI-AMMAN', 'KBRI Amman', 'JO', 'Asia/Amman'),
  mission('KBRI-MANAMA', 'KBRI Manama', 'BH', 'Asia/Bahrain'),
  mission('KJRI-OSAKA', 'KJRI Osaka', 'JP', 'Asia/Tokyo'),
  mission('KBRI-ANKARA', 'KBRI Ankara', 'TR', 'Europe/Istanbul'),
  mission('KJRI-ISTANBUL', 'KJRI Istanbul', 'TR', 'Europe/Istanbul'),
  mission('KBRI-WARSAWA', 'KBRI Warsawa', 'PL', 'Europe/Warsaw'),
  mission('KBRI-ROMA', 'KBRI Roma', 'IT', 'Europe/Rome'),
  mission('KBRI-BERLIN', 'KBRI Berlin', 'DE', 'Europe/Berlin'),
  mission('KBRI-DENHAAG', 'KBRI Den Haag', 'NL', 'Europe/Amsterdam'),
  mission('KBRI-LONDON', 'KBRI London', 'GB', 'Europe/London'),
  mission('KBRI-WASHINGTON', 'KBRI Washington, D.C.', 'US', 'America/New_York'),
  mission('KBRI-CANBERRA', 'KBRI Canberra', 'AU', 'Australia/Sydney'),
  mission('KJRI-SYDNEY', 'KJRI Sydney', 'AU', 'Australia/Sydney'),
  mission('KBRI-WELLINGTON', 'KBRI Wellington', 'NZ', 'Pacific/Auckland'),
];
