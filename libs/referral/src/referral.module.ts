import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule, EscalationTargets } from '@simpul/agency';
import { CaseModule } from '@simpul/case';
import { DatabaseModule } from '@simpul/database';
import { DeliveryModule } from '@simpul/delivery';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { CaseReferralsModule } from './case-referrals.module';
import { ReferralPersonEntity } from './entities/referral-person.entity';
import { ReferralEntity } from './entities/referral.entity';
import { DeliverReferralHandler } from './jobs/deliver-referral.handler';
import { ReferralEscalationTimers } from './jobs/referral-escalation.timers';
import { ReferralEventEnricher } from './live/referral-event-enricher';
import { ArmNextEscalation } from './escalation/arm-next-escalation';
import { HolidayDataGapReporter } from './escalation/holiday-data-gap-reporter';
import { EscalateReferralUseCase } from './use-cases/escalate-referral.use-case';
import { ReferralFactory } from './referral-factory';
import { ReferralStanding } from './referral-standing';
import { ReferralTransition } from './referral-transition';
import { ReferralLoader } from './referral.loader';
import { ReferralReader } from './referral.reader';
import { ReferralViews } from './referral-views';
import { CaseTimelineResolver } from './resolvers/case-timeline.resolver';
import { ReferralFieldsResolver } from './resolvers/referral-fields.resolver';
import {
  CaseReferralsResolver,
  HandoffEventReferralResolver,
  PersonAccessReferralResolver,
} from './resolvers/referral-links.resolver';
import { ReferralMutationResolver } from './resolvers/referral-mutation.resolver';
import { ReferralQueryResolver } from './resolvers/referral-query.resolver';
import { OverdueResolver } from './resolvers/overdue.resolver';
import { ReferralUnitCountResolver } from './resolvers/referral-unit-count.resolver';
import { UnitWeekendResolver } from './resolvers/unit-weekend.resolver';
import { OverdueReader } from './escalation/overdue.reader';
import { AcceptReferralUseCase } from './use-cases/accept-referral.use-case';
import { AcknowledgeReferralUseCase } from './use-cases/acknowledge-referral.use-case';
import { CancelReferralUseCase } from './use-cases/cancel-referral.use-case';
import { CompleteReferralUseCase } from './use-cases/complete-referral.use-case';
import { FailReferralUseCase } from './use-cases/fail-referral.use-case';
import { HoldReferralUseCase } from './use-cases/hold-referral.use-case';
import { RedirectReferralUseCase } from './use-cases/redirect-referral.use-case';
import { RejectReferralUseCase } from './use-cases/reject-referral.use-case';
import { ResumeReferralUseCase } from './use-cases/resume-referral.use-case';
import { SendReferralUseCase } from './use-cases/send-referral.use-case';
import { StartReferralUseCase } from './use-cases/start-referral.use-case';

export const REFERRAL_USE_CASES = [
  SendReferralUseCase,
  AcknowledgeReferralUseCase,
  AcceptReferralUseCase,
  RejectReferralUseCase,
  RedirectReferralUseCase,
  StartReferralUseCase,
  HoldReferralUseCase,
  ResumeReferralUseCase,
  CompleteReferralUseCase,
  FailReferralUseCase,
  CancelReferralUseCase,
];

const core = [
  ReferralViews,
  ReferralStanding,
  ReferralTransition,
  ReferralFactory,
  ReferralReader,
  ReferralLoader,
  OverdueReader,
  ArmNextEscalation,
];
const resolvers = [
  ReferralQueryResolver,
  ReferralMutationResolver,
  ReferralFieldsResolver,
  CaseReferralsResolver,
  CaseTimelineResolver,
  HandoffEventReferralResolver,
  PersonAccessReferralResolver,
  OverdueResolver,
  ReferralUnitCountResolver,
  UnitWeekendResolver,
];

/** Referrals for the gateway: use cases and GraphQL resolvers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReferralEntity, ReferralPersonEntity]),
    DatabaseModule,
    AgencyModule,
    IdentityModule,
    CaseModule,
    // implements the case lib's CaseReferrals port (closeCase, identity need-to-know)
    CaseReferralsModule,
    LedgerModule,
    DeliveryModule,
  ],
  providers: [...core, ...REFERRAL_USE_CASES, ...resolvers, HolidayDataGapReporter],
  exports: [...core, ...REFERRAL_USE_CASES],
})
export class ReferralModule {}

/**
 * Referrals for the worker: the delivery job handler, the escalation timers and the referral
 * attached to live events, no GraphQL.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReferralEntity, ReferralPersonEntity]),
    LedgerModule,
    DeliveryModule,
  ],
  providers: [
    DeliverReferralHandler,
    EscalationTargets,
    ArmNextEscalation,
    EscalateReferralUseCase,
    ReferralEscalationTimers,
    ReferralEventEnricher,
    HolidayDataGapReporter,
  ],
})
export class ReferralWorkerModule {}
