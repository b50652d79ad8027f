import { Global, Injectable, Module } from '@nestjs/common';
import { CASE_REFERRALS, type CaseReferralsPort } from '@simpul/case';
import { DeliveryModule } from '@simpul/delivery';
import { ReferralStatus as S } from './referral-enums';
import { FINAL_STATUSES } from './referral-state-machine';
import { ReferralRepository } from './referral.repository';

/** Statuses in which someone still holds work for the case: every status that is not final. */
export const OPEN_STATUSES: readonly S[] = Object.values(S).filter(
  (status) => !FINAL_STATUSES.includes(status),
);

/**
 * Statuses in which the receiving unit keeps need-to-know on the persons a referral names: while
 * it is open, and after it was COMPLETED or FAILED. REJECTED, REDIRECTED and CANCELLED end it.
 */
export const IDENTITY_GRANTING_STATUSES: readonly S[] = [...OPEN_STATUSES, S.COMPLETED, S.FAILED];

/** The referral lib's answer to the case lib's questions about a case's referrals. */
@Injectable()
export class CaseReferralsAdapter implements CaseReferralsPort {
  constructor(private readonly referrals: ReferralRepository) {}

  countOpen(caseId: string): Promise<number> {
    return this.referrals.countByCaseAndStatus(caseId, OPEN_STATUSES);
  }

  namedPersons(caseId: string, receivingUnitIds: readonly string[]) {
    return this.referrals.latestNamingReferrals(
      caseId,
      receivingUnitIds,
      IDENTITY_GRANTING_STATUSES,
    );
  }
}

/**
 * Provides CASE_REFERRALS to the whole application (global), so the case lib's providers can
 * inject it without importing the referral lib. Imported by ReferralModule.
 */
@Global()
@Module({
  imports: [DeliveryModule],
  providers: [
    ReferralRepository,
    CaseReferralsAdapter,
    { provide: CASE_REFERRALS, useExisting: CaseReferralsAdapter },
  ],
  exports: [CASE_REFERRALS],
})
export class CaseReferralsModule {}
