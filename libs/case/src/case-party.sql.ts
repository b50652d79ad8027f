/**
 * SQL over the case's own tables for a use case of another context that folds its checks and
 * writes into statements of its own (sendReferral: one read, one write), so that the case lib
 * keeps owning this SQL. Arguments are the caller's placeholders (`$3`), bound to a case id and a
 * uuid array of unit ids.
 */

/**
 * A sub-select for a SELECT list: the case's status (NULL if there is no such case), share-locking
 * its row until the caller's transaction ends, so that a concurrent closeCase cannot slip in
 * between the caller's check and its write.
 */
export const lockedCaseStatusSql = (caseId: string) =>
  `(SELECT c.status FROM "case" c WHERE c.id = ${caseId}::uuid FOR SHARE)`;

/** Whether any of the units is a party of the case (CaseAccess.isParty, as an expression). */
export const casePartySql = (caseId: string, unitIds: string) =>
  `EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = ${caseId}::uuid AND p.unit_id = ANY(${unitIds}::uuid[]))`;

/** Makes the units parties of the case (CaseAccess.addParties, as a data-modifying CTE). */
export const addCasePartiesSql = (caseId: string, unitIds: string) =>
  `INSERT INTO case_party (case_id, unit_id) SELECT ${caseId}::uuid, unnest(${unitIds}::uuid[]) ON CONFLICT DO NOTHING`;

/** The ids among `personIds` of persons of the case (a SELECT of its own). */
export const personsOfCaseSql = (caseId: string, personIds: string) =>
  `SELECT p.id FROM person p WHERE p.case_id = ${caseId}::uuid AND p.id = ANY(${personIds}::uuid[])`;
