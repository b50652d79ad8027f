/**
 * A sub-select over the unit table for another context's query (the referral queues' "other
 * side's agency" filter), so that the agency lib keeps owning its table's SQL. `param` names a
 * TypeORM parameter the caller binds to an agency id.
 */
export const unitIdsOfAgencySql = (param: string) =>
  `SELECT u.id FROM unit u WHERE u.agency_id = :${param}::uuid`;
