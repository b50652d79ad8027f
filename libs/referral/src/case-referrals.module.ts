import { Global, Module } from '@nestjs/common';
import { CASE_REFERRALS } from '@simpul/case';
import { CaseReferralsAdapter } from './case-referrals.adapter';

/**
 * Provides the case lib's CaseReferrals port. Global because the case lib cannot import the
 * referral lib (it sits below it): CaseModule's providers find the token in the global scope
 * once ReferralModule is in the application (docs/adr/0015-ports-for-lower-contexts.md).
 */
@Global()
@Module({
  providers: [{ provide: CASE_REFERRALS, useClass: CaseReferralsAdapter }],
  exports: [CASE_REFERRALS],
})
export class CaseReferralsModule {}
