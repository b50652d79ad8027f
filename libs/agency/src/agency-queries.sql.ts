/**
 * A sub-select over the unit table for another context's query (the referral queues' "other
 * side's agency" filter), so that the agency lib keeps owning its table's SQL. `param` names a
 * TypeORM parameter the caller binds to an agency id.
 */
export const unitIdsOfAgencySql = (param: string) =>
  `SELECT u.id FROM unit u WHERE u.agency_id = :${param}::uuid`;

/**
 * A sub-select for another context's SELECT list: the units' time zones, countries and agency
 * kinds, as a JSON array of `{ id, timeZone, countryCode, kind }` (empty when none exists).
 * `unitIds` is the caller's placeholder, bound to a uuid array.
 */
export const unitSidesSql = (unitIds: string) =>
  `(SELECT coalesce(json_agg(json_build_object('id', u.id, 'timeZone', u.time_zone,
                                               'countryCode', u.country_code, 'kind', a.kind)), '[]'::json)
      FROM unit u JOIN agency a ON a.id = u.agency_id WHERE u.id = ANY(${unitIds}::uuid[]))`;

/**
 * A scalar sub-select for another context's SELECT list: the agency of the unit `unitId` names
 * (a column such as `o.unit_id`, or a placeholder).
 */
export const agencyIdOfUnitSql = (unitId: string) =>
  `(SELECT u.agency_id FROM unit u WHERE u.id = ${unitId})`;

/** One element of unitSidesSql's array. */
export interface UnitSide {
  id: string;
  timeZone: string;
  /** With timeZone, where the unit works: its country sets its weekend (deskClock, libs/sla). */
  countryCode: string | null;
  kind: string;
}

/** A scalar sub-select: the code of the unit `unitId` names (to show it, or to order by it). */
export const unitCodeSql = (unitId: string) => `(SELECT u.code FROM unit u WHERE u.id = ${unitId})`;

/** A scalar sub-select: the IANA time zone the unit `unitId` names works in. */
export const unitTimeZoneSql = (unitId: string) =>
  `(SELECT u.time_zone FROM unit u WHERE u.id = ${unitId})`;

/** A scalar sub-select: the country of the unit `unitId` names (null: in Indonesia). */
export const unitCountryCodeSql = (unitId: string) =>
  `(SELECT u.country_code FROM unit u WHERE u.id = ${unitId})`;

/** A sub-select of the ids of the agency's units; `agencyId` is an SQL expression or placeholder. */
export const unitsOfAgencySql = (agencyId: string) =>
  `SELECT u.id FROM unit u WHERE u.agency_id = ${agencyId}::uuid`;

/**
 * A sub-select of the ids of the units of a province (its own and its regencies': a regency's
 * code starts with its province's two digits); `provinceCode` is an SQL expression or placeholder.
 */
export const unitsOfProvinceSql = (provinceCode: string) =>
  `SELECT u.id FROM unit u WHERE left(u.region_code, 2) = ${provinceCode}`;

/** A sub-select of the units with these codes: `id`, `code`; `codes` is a text array expression. */
export const unitsByCodeSql = (codes: string) =>
  `SELECT u.id, u.code FROM unit u WHERE u.code = ANY(${codes})`;
