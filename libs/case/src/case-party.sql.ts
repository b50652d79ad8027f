import { requireSql } from '@simpul/database';
import { CaseStatus } from './case-enums';

/**
 * SQL over the case's own tables for a use case of another context that folds its checks and
 * writes into statements of its own (sendReferral: one read, one write), so that the case lib
 * keeps owning this SQL. Arguments are the caller's placeholders (`$3`), bound to a case id and a
 * uuid array of unit ids.
 */

/** A sub-select for a SELECT list: the case's status (NULL if there is no such case). */
export const caseStatusSql = (caseId: string) =>
  `(SELECT c.status FROM "case" c WHERE c.id = ${caseId}::uuid)`;

/** The refusal of requireOpenCaseSql (statementRefusal() names it when the case was closed). */
export const CASE_NOT_OPEN = 'case-not-open';

/**
 * An expression for the SELECT list of a writing statement: true while the case is open, else
 * the whole statement fails with the refusal CASE_NOT_OPEN and writes nothing. It share-locks
 * the case row until the statement's transaction ends, so a concurrent closeCase either waits
 * for the write or committed before it and is seen (READ COMMITTED re-reads a row it locks).
 */
export const requireOpenCaseSql = (caseId: string) =>
  requireSql(
    `(SELECT c.status = '${CaseStatus.OPEN}' FROM "case" c WHERE c.id = ${caseId}::uuid FOR SHARE)`,
    `'${CASE_NOT_OPEN}'`,
  );

/** Whether any of the units is a party of the case (CaseAccess.isParty, as an expression). */
export const casePartySql = (caseId: string, unitIds: string) =>
  `EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = ${caseId}::uuid AND p.unit_id = ANY(${unitIds}::uuid[]))`;

/** Makes the units parties of the case (CaseAccess.addParties, as a data-modifying CTE). */
export const addCasePartiesSql = (caseId: string, unitIds: string) =>
  `INSERT INTO case_party (case_id, unit_id) SELECT ${caseId}::uuid, unnest(${unitIds}::uuid[]) ON CONFLICT DO NOTHING`;

/** The ids among `personIds` of persons of the case (a SELECT of its own). */
export const personsOfCaseSql = (caseId: string, personIds: string) =>
  `SELECT p.id FROM person p WHERE p.case_id = ${caseId}::uuid AND p.id = ANY(${personIds}::uuid[])`;
