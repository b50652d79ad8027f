import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { DatabaseModule } from '@simpul/database';
import { IdentityModule } from '@simpul/identity';
import { LedgerModule } from '@simpul/ledger';
import { PrivacyModule } from '@simpul/privacy';
import { IdentityAccess } from './identity-access';
import { PersonAccessLog } from './person-access-log';
import { PersonSealer } from './person-sealer';
import { PoliceNotes } from './police-notes';
import { PersonIdentityResolver } from './resolvers/person-identity.resolver';
import { PersonAccessFieldsResolver, PersonResolver } from './resolvers/person.resolver';
import { PoliceNotesResolver } from './resolvers/police-notes.resolver';
import { AddPersonUseCase } from './use-cases/add-person.use-case';
import { UpdatePersonUseCase } from './use-cases/update-person.use-case';
import { CaseAccess } from './case-access';
import { CasePartyRepository } from './case-party.repository';
import { CaseRepository } from './case.repository';
import { PersonAccessRepository } from './person-access.repository';
import { PersonRepository } from './person.repository';
import { CaseLoader } from './case.loader';
import { CaseReader } from './case.reader';
import { CasePartyEntity } from './entities/case-party.entity';
import { PersonAccessEntity } from './entities/person-access.entity';
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

/**
 * Cases, persons and their access. Needs CASE_REFERRALS (CaseReferralsPort) from the referral lib,
 * which provides it globally: the case lib never imports the referral lib.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, PersonEntity, CasePartyEntity, PersonAccessEntity]),
    PrivacyModule,
    DatabaseModule,
    AgencyModule,
    IdentityModule,
    LedgerModule,
  ],
  providers: [
    CaseRepository,
    CasePartyRepository,
    PersonRepository,
    PersonAccessRepository,
    CaseAccess,
    CaseReader,
    CaseLoader,
    IdentityAccess,
    PersonAccessLog,
    PersonSealer,
    PoliceNotes,
    OpenCaseUseCase,
    CloseCaseUseCase,
    AddPersonUseCase,
    UpdatePersonUseCase,
    CaseResolver,
    PersonResolver,
    PersonIdentityResolver,
    PersonAccessFieldsResolver,
    PoliceNotesResolver,
    CaseFieldsResolver,
    CaseTimelineResolver,
    HandoffEventLinksResolver,
  ],
  exports: [
    CaseAccess,
    CaseReader,
    CaseLoader,
    IdentityAccess,
    PersonSealer,
    OpenCaseUseCase,
    CloseCaseUseCase,
    AddPersonUseCase,
    UpdatePersonUseCase,
  ],
})
export class CaseModule {}
