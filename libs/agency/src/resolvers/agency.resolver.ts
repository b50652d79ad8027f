import { SignedIn } from '@simpul/common';
import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { AgencyReader } from '../agency.reader';
import { toAgencyModel } from '../models/agency.mapper';
import { AgencyModel } from '../models/agency.model';
import { UnitModel } from '../models/unit.model';
import { UnitLoader } from '../unit.loader';

/** Reference data: any signed-in officer may list agencies (the global guard requires a token). */
@SignedIn()
@Resolver(() => AgencyModel)
export class AgencyResolver {
  constructor(
    private readonly agencyReader: AgencyReader,
    private readonly loader: UnitLoader,
  ) {}

  @Query(() => [AgencyModel])
  async agencies(): Promise<AgencyModel[]> {
    return (await this.agencyReader.list()).map(toAgencyModel);
  }

  @ResolveField(() => [UnitModel])
  units(@Parent() agency: AgencyModel, @Context() context: RequestContext): Promise<UnitModel[]> {
    return this.loader.loadUnitsOfAgency(context, agency.id);
  }
}
