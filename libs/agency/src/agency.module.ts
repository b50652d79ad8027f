import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyReader } from './agency.reader';
import { AgencyEntity } from './entities/agency.entity';
import { UnitEntity } from './entities/unit.entity';
import { AgencyResolver } from './resolvers/agency.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { UnitLoader } from './unit.loader';
import { UnitReader } from './unit.reader';

/** Agencies and units: reference data, their GraphQL API and request-scoped loaders. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, UnitEntity])],
  providers: [AgencyReader, UnitReader, UnitLoader, AgencyResolver, UnitResolver],
  exports: [AgencyReader, UnitReader, UnitLoader],
})
export class AgencyModule {}
