import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UnitLoader, UnitModel } from '@simpul/agency';
import type { RequestContext } from '@simpul/common';
import { OfficerModel } from '../models/officer.model';

@Resolver(() => OfficerModel)
export class OfficerResolver {
  constructor(private readonly units: UnitLoader) {}

  @ResolveField(() => UnitModel)
  unit(@Parent() officer: OfficerModel, @Context() context: RequestContext): Promise<UnitModel> {
    return this.units.loadUnit(context, officer.unitId);
  }
}
