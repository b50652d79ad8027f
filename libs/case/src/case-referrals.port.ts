/** A person of a case named by a referral that still gives its receiver need-to-know. */
export interface NamingReferral {
  personId: string;
  referralId: string;
}

/**
 * What the case lib needs to know about a case's referrals. The referral lib sits above the case
 * lib (scripts/lib-layers.mjs) and owns the referral tables, so the case lib declares this port and
 * the referral lib implements and provides it (`CASE_REFERRALS`); the case lib never names a
 * referral table or status (docs/adr/0015-ports-for-lower-contexts.md). Both methods run in the
 * caller's transaction (the TransactionHost's), so they see what it has written and hold its
 * locks.
 */
export interface CaseReferrals {
  /** How many referrals of the case still hold work (someone must finish or cancel them first). */
  countOpen(caseId: string): Promise<number>;

  /**
   * For each person of the case named by a referral to one of `unitIds` whose status keeps the
   * receiver's need-to-know, the most recently sent such referral.
   */
  namingReferrals(caseId: string, unitIds: readonly string[]): Promise<NamingReferral[]>;
}

/** Nest injection token of the CaseReferrals port. */
export const CASE_REFERRALS = Symbol('CaseReferrals');
