import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { CaseModule } from '@simpul/case';
import { DatabaseModule } from '@simpul/database';
import { DeliveryModule } from '@simpul/delivery';
import { EscalationTargets } from '@simpul/referral';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { AlertAccess } from './alert-access';
import { AlertRouting } from './alert-routing.service';
import { AlertReader } from './alert.reader';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AlertRoutingRuleEntity } from './entities/alert-routing-rule.entity';
import { AlertEntity } from './entities/alert.entity';
import { AlertTimerHandler } from './jobs/alert-timer.handler';
import { DeliverAlertHandler } from './jobs/deliver-alert.handler';
import {
  AlertDeliveryFieldsResolver,
  AlertEscalationFieldsResolver,
  AlertFieldsResolver,
  HandoffEventAlertResolver,
} from './resolvers/alert-fields.resolver';
import { AlertMutationResolver } from './resolvers/alert-mutation.resolver';
import { AlertQueryResolver } from './resolvers/alert-query.resolver';
import { AlertRoutingRuleResolver } from './resolvers/alert-routing-rule.resolver';
import { AcknowledgeAlertUseCase } from './use-cases/acknowledge-alert.use-case';
import { AcknowledgeAlertEscalationUseCase } from './use-cases/acknowledge-alert-escalation.use-case';
import { AlertAcknowledgement } from './use-cases/alert-acknowledgement';
import { CloseAlert } from './use-cases/close-alert';
import { CreateAlertRoutingRuleUseCase } from './use-cases/create-alert-routing-rule.use-case';
import { DeleteAlertRoutingRuleUseCase } from './use-cases/delete-alert-routing-rule.use-case';
import { DismissAlertUseCase } from './use-cases/dismiss-alert.use-case';
import { LinkAlert } from './use-cases/link-alert';
import { LinkAlertToCaseUseCase } from './use-cases/link-alert-to-case.use-case';
import { PromoteAlertToCaseUseCase } from './use-cases/promote-alert-to-case.use-case';
import { RaiseAlertUseCase } from './use-cases/raise-alert.use-case';
import { ResolveAlertUseCase } from './use-cases/resolve-alert.use-case';
import { UpdateAlertRoutingRuleUseCase } from './use-cases/update-alert-routing-rule.use-case';

const ENTITIES = [AlertEntity, AlertDeliveryEntity, AlertRoutingRuleEntity];

export const ALERT_USE_CASES = [
  RaiseAlertUseCase,
  AcknowledgeAlertUseCase,
  AcknowledgeAlertEscalationUseCase,
  ResolveAlertUseCase,
  DismissAlertUseCase,
  LinkAlertToCaseUseCase,
  PromoteAlertToCaseUseCase,
  CreateAlertRoutingRuleUseCase,
  UpdateAlertRoutingRuleUseCase,
  DeleteAlertRoutingRuleUseCase,
];

const core = [AlertAccess, AlertRouting, AlertReader, AlertAcknowledgement, CloseAlert, LinkAlert];
const resolvers = [
  AlertQueryResolver,
  AlertMutationResolver,
  AlertFieldsResolver,
  AlertDeliveryFieldsResolver,
  AlertEscalationFieldsResolver,
  HandoffEventAlertResolver,
  AlertRoutingRuleResolver,
];

/** Alerts for the gateway: use cases, routing and GraphQL resolvers. */
@Module({
  imports: [
    TypeOrmModule.forFeature(ENTITIES),
    DatabaseModule,
    AgencyModule,
    IdentityModule,
    CaseModule,
    LedgerModule,
    DeliveryModule,
  ],
  providers: [...core, ...ALERT_USE_CASES, ...resolvers],
  exports: [...core, ...ALERT_USE_CASES],
})
export class AlertModule {}

/** Alerts for the worker: the delivery job and escalation timer handlers, no GraphQL. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES), LedgerModule, DeliveryModule],
  providers: [DeliverAlertHandler, AlertTimerHandler, EscalationTargets],
})
export class AlertWorkerModule {}
