import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { DatabaseModule } from '@simpul/database';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { CaseAccess } from './case-access';
import { CaseLoader } from './case.loader';
import { CaseReader } from './case.reader';
import { CasePartyEntity } from './entities/case-party.entity';
import { CaseEntity } from './entities/case.entity';
import { PersonEntity } from './entities/person.entity';
import { CaseFieldsResolver } from './resolvers/case-fields.resolver';
import {
  CaseTimelineResolver,
  HandoffEventLinksResolver,
} from './resolvers/case-timeline.resolver';
import { CaseResolver } from './resolvers/case.resolver';
import { CloseCaseUseCase } from './use-cases/close-case.use-case';
import { OpenCaseUseCase } from './use-cases/open-case.use-case';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, PersonEntity, CasePartyEntity]),
    DatabaseModule,
    AgencyModule,
    IdentityModule,
    LedgerModule,
  ],
  providers: [
    CaseAccess,
    CaseReader,
    CaseLoader,
    OpenCaseUseCase,
    CloseCaseUseCase,
    CaseResolver,
    CaseFieldsResolver,
    CaseTimelineResolver,
    HandoffEventLinksResolver,
  ],
  exports: [CaseAccess, CaseReader, CaseLoader, OpenCaseUseCase, CloseCaseUseCase],
})
export class CaseModule {}
