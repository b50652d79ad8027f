import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity, AgencyModule, UnitEntity } from '@simpul/agency';
import { CaseEntity, CaseModule, PersonEntity } from '@simpul/case';
import { DatabaseModule } from '@simpul/database';
import { DeliveryModule } from '@simpul/delivery';
import { IdentityModule, OfficerEntity } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { ReferralPersonEntity } from './entities/referral-person.entity';
import { ReferralEntity } from './entities/referral.entity';
import { CaseReferralsModule } from './case-referrals.adapter';
import { DeliverReferralHandler } from './jobs/deliver-referral.handler';
import { ReferralFactory } from './referral-factory';
import { ReferralStanding } from './referral-standing';
import { ReferralTransition } from './referral-transition';
import { ReferralLoader } from './referral.loader';
import { ReferralReader } from './referral.reader';
import { ReferralRepository } from './referral.repository';
import { ReferralFieldsResolver } from './resolvers/referral-fields.resolver';
import {
  CaseReferralsResolver,
  HandoffEventReferralResolver,
  PersonAccessReferralResolver,
} from './resolvers/referral-links.resolver';
import { ReferralMutationResolver } from './resolvers/referral-mutation.resolver';
import { ReferralQueryResolver } from './resolvers/referral-query.resolver';
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
  ReferralRepository,
  ReferralStanding,
  ReferralTransition,
  ReferralFactory,
  ReferralReader,
  ReferralLoader,
];
const resolvers = [
  ReferralQueryResolver,
  ReferralMutationResolver,
  ReferralFieldsResolver,
  CaseReferralsResolver,
  HandoffEventReferralResolver,
  PersonAccessReferralResolver,
];

/** Referrals for the gateway: use cases and GraphQL resolvers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReferralEntity, ReferralPersonEntity]),
    DatabaseModule,
    AgencyModule,
    IdentityModule,
    CaseModule,
    LedgerModule,
    DeliveryModule,
    CaseReferralsModule,
  ],
  providers: [...core, ...REFERRAL_USE_CASES, ...resolvers],
  exports: [
    ReferralStanding,
    ReferralTransition,
    ReferralFactory,
    ReferralReader,
    ReferralLoader,
    ...REFERRAL_USE_CASES,
  ],
})
export class ReferralModule {}

/** Referrals for the worker: the delivery job handler, no GraphQL. */
@Module({
  imports: [
    // The tables the referral tables' foreign keys point at must be known to TypeORM too.
    TypeOrmModule.forFeature([
      ReferralEntity,
      ReferralPersonEntity,
      CaseEntity,
      PersonEntity,
      UnitEntity,
      AgencyEntity,
      OfficerEntity,
    ]),
    LedgerModule,
    DeliveryModule,
  ],
  providers: [ReferralRepository, DeliverReferralHandler],
})
export class ReferralWorkerModule {}
