import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyReader } from './agency.reader';
import { AgencyStore } from './agency.store';
import { AgencyEntity } from './entities/agency.entity';
import { UnitEntity } from './entities/unit.entity';
import { AgencyResolver } from './resolvers/agency.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { UnitLoader } from './unit.loader';
import { UnitReader } from './unit.reader';
import { UnitStore } from './unit.store';

/**
 * Agencies and units: reference data, their GraphQL API, request-scoped loaders, and the stores
 * through which other contexts change them (the agency lib owns both tables).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, UnitEntity])],
  providers: [
    AgencyReader,
    UnitReader,
    UnitLoader,
    AgencyStore,
    UnitStore,
    AgencyResolver,
    UnitResolver,
  ],
  exports: [AgencyReader, UnitReader, UnitLoader, AgencyStore, UnitStore],
})
export class AgencyModule {}
