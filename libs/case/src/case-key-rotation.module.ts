import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity, UnitEntity } from '@simpul/agency';
import { DatabaseModule } from '@simpul/database';
import { OfficerEntity } from '@simpul/identity';
import { PrivacyModule } from '@simpul/privacy';
import { CaseRepository } from './case.repository';
import { CaseEntity } from './entities/case.entity';
import { PersonEntity } from './entities/person.entity';
import { PersonRepository } from './person.repository';
import { ResealPersonalData } from './reseal-personal-data';

/** Just what re-sealing personal data needs (the `pii:rotate` script): the case lib's tables and the key ring. */
@Module({
  imports: [
    DatabaseModule,
    PrivacyModule,
    TypeOrmModule.forFeature([CaseEntity, PersonEntity, UnitEntity, AgencyEntity, OfficerEntity]),
  ],
  providers: [CaseRepository, PersonRepository, ResealPersonalData],
  exports: [ResealPersonalData],
})
export class CaseKeyRotationModule {}
