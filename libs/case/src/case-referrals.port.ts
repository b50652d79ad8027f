/**
 * What the case lib needs to know about a case's referrals, asked through this port because the
 * referral lib depends on the case lib and not the other way round (dependency inversion). The
 * referral lib implements it and provides it under CASE_REFERRALS; which statuses count as
 * "open" or "granting" is its knowledge, not the case lib's.
 */
export interface CaseReferralsPort {
  /** How many referrals of the case someone still holds work for (not in a final status). */
  countOpen(caseId: string): Promise<number>;

  /**
   * The persons named by referrals of the case addressed to one of these units, in a status in
   * which the receiver keeps need-to-know; per person the latest such referral.
   */
  namedPersons(
    caseId: string,
    receivingUnitIds: readonly string[],
  ): Promise<{ personId: string; referralId: string }[]>;
}

export const CASE_REFERRALS = Symbol('CaseReferralsPort');
