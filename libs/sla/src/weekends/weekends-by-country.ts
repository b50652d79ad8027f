import type { Weekday } from '../business-calendar';

/** A country whose official weekend is not Saturday–Sunday. */
export interface CountryWeekend {
  /** ISO 3166-1 alpha-2, as `unit.country_code` holds it. */
  countryCode: string;
  /** The days government offices (and so the mission's local counterparts) do not work. */
  weekendDays: readonly Weekday[];
  /** Since when, and by what, in a few words. */
  note: string;
}

/**
 * The official weekend of the countries where Indonesian missions work it differently from
 * Indonesia's Saturday–Sunday. A mission (KBRI, KJRI, KDEI) keeps Indonesia's holidays but works
 * its host country's week: the ministries, police, shelters and courts it deals with for a victim
 * are closed on the host's weekend, so a deadline counted in business days skips that weekend.
 * Every country not listed here works Monday–Friday (Saturday–Sunday off), Indonesia included.
 *
 * Sources (public, checked December 2026):
 * - The National (Abu Dhabi), "When is the weekend in the Arab world?", 7 December 2021
 *   (thenationalnews.com/mena/2021/12/07/when-is-the-weekend-in-the-arab-world): the GCC states
 *   but the UAE work Sunday–Thursday with a Friday–Saturday weekend (Saudi Arabia since 2013,
 *   Qatar 2003, Bahrain 2006, Kuwait 2007, Oman 2013); Egypt, Jordan, Iraq, Algeria, Libya,
 *   Sudan, Syria and Yemen likewise; the UAE moved to Saturday–Sunday from 1 January 2022
 *   (federal government; a short Friday).
 * - Brunei Darussalam's civil service week: Monday–Thursday and Saturday, with Friday and Sunday
 *   off (Prime Minister's Office, Government of Brunei Darussalam, pmo.gov.bn, office hours).
 * - Wikipedia, "Workweek and weekend" (en.wikipedia.org/wiki/Workweek_and_weekend), the table
 *   by country, for Bangladesh and the Maldives (Friday–Saturday).
 *
 * To add a country: one line here, with its source in this comment. The UAE is listed although
 * it has the default weekend, because much material still gives it its pre-2022 week.
 *
 * The weekend is the country's, also where a country's states differ — checked for Malaysia:
 * Kedah, Kelantan and Terengganu rest on Friday–Saturday; Johor did from 1 January 2014 and
 * returned to Saturday–Sunday on 1 January 2025 (The Star, "Johor's weekend to be Saturday-Sunday
 * from Jan 1, 2025", 7 October 2024, and "Business as usual on New Year's Day for residents in
 * five states", 31 December 2024, thestar.com.my). No Indonesian mission sits in Kedah, Kelantan
 * or Terengganu: KBRI Kuala Lumpur (Federal Territory), KJRI Penang, KJRI Johor Bahru, KJRI
 * Kuching (Sarawak), KJRI Kota Kinabalu and Konsulat RI Tawau (Sabah) all work Monday–Friday, so
 * Malaysia's Saturday–Sunday is right for every one of them
 * (libs/agency/src/reference-data/missions.ts). A mission opened in one of those three states
 * would need a weekend per unit, not per country.
 */
export const COUNTRY_WEEKENDS: readonly CountryWeekend[] = [
  { countryCode: 'SA', weekendDays: [5, 6], note: 'Friday–Saturday since 29 June 2013' },
  { countryCode: 'QA', weekendDays: [5, 6], note: 'Friday–Saturday since 2003' },
  { countryCode: 'KW', weekendDays: [5, 6], note: 'Friday–Saturday since 2007' },
  { countryCode: 'BH', weekendDays: [5, 6], note: 'Friday–Saturday since September 2006' },
  { countryCode: 'OM', weekendDays: [5, 6], note: 'Friday–Saturday since 2013' },
  { countryCode: 'JO', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'EG', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'IQ', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'DZ', weekendDays: [5, 6], note: 'Friday–Saturday since 2009' },
  { countryCode: 'LY', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'SD', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'SY', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'YE', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'BD', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'MV', weekendDays: [5, 6], note: 'Friday–Saturday' },
  { countryCode: 'BN', weekendDays: [5, 0], note: 'Friday and Sunday (civil service)' },
  { countryCode: 'AE', weekendDays: [6, 0], note: 'Saturday–Sunday since 1 January 2022' },
];
