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
