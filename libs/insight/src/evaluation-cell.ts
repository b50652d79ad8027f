/**
 * One cell of the evaluation statistics: persons, cases and referrals of one month (WIB), one
 * province, one exploitation type and one agency. A suppressed cell (fewer than k persons) keeps
 * its four dimensions and nothing else (k-anonymity.ts).
 */
export interface EvaluationCell {
  month: string;
  /** Two-digit Kemendagri province code of the case; null when the case names none (abroad). */
  provinceCode: string | null;
  exploitationType: string;
  agencyCode: string;
  suppressed: boolean;
  /** Distinct persons of the cases counted in the cell (what k applies to). */
  persons: number | null;
  /** Cases opened that month whose lead unit belongs to the agency. */
  casesOpened: number | null;
  /** Referrals sent that month to the agency's units. */
  referrals: number | null;
  accepted: number | null;
  medianMinutesToAccept: number | null;
  /** Outcomes of those referrals as of now. */
  completed: number | null;
  failed: number | null;
  rejected: number | null;
  redirected: number | null;
}

export const EVALUATION_DIMENSIONS = [
  'month',
  'provinceCode',
  'exploitationType',
  'agencyCode',
] as const;
