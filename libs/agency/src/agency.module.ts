import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyAdminService } from './agency-admin.service';
import { AgencyReader } from './agency.reader';
import { AgencyRepository } from './agency.repository';
import { AgencyEntity } from './entities/agency.entity';
import { UnitEntity } from './entities/unit.entity';
import { AgencyResolver } from './resolvers/agency.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { UnitLoader } from './unit.loader';
import { UnitReader } from './unit.reader';
import { UnitRepository } from './unit.repository';

/** Agencies and units: reference data, their GraphQL API and request-scoped loaders. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, UnitEntity])],
  providers: [
    AgencyRepository,
    UnitRepository,
    AgencyReader,
    UnitReader,
    UnitLoader,
    AgencyAdminService,
    AgencyResolver,
    UnitResolver,
  ],
  exports: [AgencyReader, UnitReader, UnitLoader, AgencyAdminService],
})
export class AgencyModule {}
