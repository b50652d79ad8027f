import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, type RequestContext, SignedIn } from '@simpul/common';
import { AgencyKind } from '../agency-kind';
import { toUnitModel } from '../models/agency.mapper';
import { AgencyModel } from '../models/agency.model';
import { UnitModel } from '../models/unit.model';
import { UnitLoader } from '../unit.loader';
import { UnitReader } from '../unit.reader';

/** Kemendagri codes: a province ('53') or a regency/city inside it ('53.71'). */
const REGION_CODE = /^\d{2}(\.\d{2})?$/;

@SignedIn()
@Resolver(() => UnitModel)
export class UnitResolver {
  constructor(
    private readonly unitReader: UnitReader,
    private readonly loader: UnitLoader,
  ) {}

  @Query(() => [UnitModel])
  async units(
    @Args('agencyKind', { type: () => AgencyKind, nullable: true }) agencyKind?: AgencyKind | null,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string | null,
  ): Promise<UnitModel[]> {
    if (regionCode != null && !REGION_CODE.test(regionCode)) {
      throw badInput('regionCode', 'must be a Kemendagri region code such as 53 or 53.71');
    }
    return (await this.unitReader.list({ agencyKind, regionCode })).map(toUnitModel);
  }

  @ResolveField(() => AgencyModel)
  agency(@Parent() unit: UnitModel, @Context() context: RequestContext): Promise<AgencyModel> {
    return this.loader.loadAgency(context, unit.agencyId);
  }
}
