import { badInput, optionalText } from '@simpul/common';
import type { ExploitationType } from './case-enums';
import type { CaseFilterInput } from './dto/case-filter.input';

/** Same shape as a case's own region code: a province (53) or a regency (53.71). */
export const REGION_CODE = /^\d{2}(\.\d{2})?$/;

export interface CaseFilter {
  reference: string | null;
  regionCode: string | null;
  exploitationType: ExploitationType | null;
  openedFrom: Date | null;
  openedBefore: Date | null;
}

export const NO_CASE_FILTER: CaseFilter = {
  reference: null,
  regionCode: null,
  exploitationType: null,
  openedFrom: null,
  openedBefore: null,
};

/** Checks a search before it reaches SQL, naming the field that is wrong. */
export function validCaseFilter(input: CaseFilterInput | null | undefined): CaseFilter {
  const reference = optionalText('filter.reference', input?.reference, 40);
  const regionCode = optionalText('filter.regionCode', input?.regionCode, 5);
  if (regionCode && !REGION_CODE.test(regionCode)) {
    throw badInput('filter.regionCode', 'must be a Kemendagri code such as 53 or 53.71');
  }
  const openedFrom = input?.openedFrom ?? null;
  const openedBefore = input?.openedBefore ?? null;
  if (openedFrom && openedBefore && openedFrom >= openedBefore) {
    throw badInput('filter.openedBefore', 'must be later than filter.openedFrom');
  }
  return {
    reference,
    regionCode,
    exploitationType: input?.exploitationType ?? null,
    openedFrom,
    openedBefore,
  };
}

/** LIKE pattern for "contains", with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Sub-selects over the case table for another context's query (the referral queues), so that the
 * case lib keeps owning its table's SQL. `param` names a TypeORM parameter the caller binds: a
 * province code for the first, a containsPattern for the second.
 */
export const caseIdsInProvinceSql = (param: string) =>
  `SELECT c.id FROM "case" c WHERE c.region_code = :${param} OR c.region_code LIKE :${param} || '.%'`;

export const caseIdsByReferenceSql = (param: string) =>
  `SELECT c.id FROM "case" c WHERE c.reference ILIKE :${param}`;
