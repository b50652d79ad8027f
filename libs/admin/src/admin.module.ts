import { Module } from '@nestjs/common';
import { DeliveryModule } from '@simpul/delivery';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { AdminAgencyResolver } from './resolvers/admin-agency.resolver';
import { AdminOfficerResolver } from './resolvers/admin-officer.resolver';
import { AdminOutboxResolver } from './resolvers/admin-outbox.resolver';
import { CreateAgencyUseCase } from './use-cases/create-agency.use-case';
import { CreateOfficerUseCase } from './use-cases/create-officer.use-case';
import { CreateUnitUseCase } from './use-cases/create-unit.use-case';
import { DeactivateOfficerUseCase } from './use-cases/deactivate-officer.use-case';
import { ReactivateOfficerUseCase } from './use-cases/reactivate-officer.use-case';
import { ReplayOutboxRowUseCase } from './use-cases/replay-outbox-row.use-case';
import { ResetOfficerPasswordUseCase } from './use-cases/reset-officer-password.use-case';
import { UpdateAgencyUseCase } from './use-cases/update-agency.use-case';
import { UpdateOfficerUseCase } from './use-cases/update-officer.use-case';
import { UpdateUnitUseCase } from './use-cases/update-unit.use-case';

const USE_CASES = [
  CreateAgencyUseCase,
  UpdateAgencyUseCase,
  CreateUnitUseCase,
  UpdateUnitUseCase,
  CreateOfficerUseCase,
  UpdateOfficerUseCase,
  DeactivateOfficerUseCase,
  ReactivateOfficerUseCase,
  ResetOfficerPasswordUseCase,
  ReplayOutboxRowUseCase,
];

/**
 * Administration for ADMIN: agencies, units and officers, and replaying parked outbox rows; one
 * use case per operation, each one transaction with its ledger entry.
 */
@Module({
  imports: [IdentityModule, LedgerModule, DeliveryModule],
  providers: [...USE_CASES, AdminAgencyResolver, AdminOfficerResolver, AdminOutboxResolver],
  exports: USE_CASES,
})
export class AdminModule {}
