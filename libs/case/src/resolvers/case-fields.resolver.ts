import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, type Actor } from '@simpul/identity';
import { CaseAccess } from '../case-access';
import { CaseReader } from '../case.reader';
import { IdentityAccess } from '../identity-access';
import { toPersonModel } from '../models/case.mapper';
import { CaseModel } from '../models/case.model';
import { PersonModel } from '../models/person.model';
import { PersonSealer } from '../person-sealer';

@Resolver(() => CaseModel)
export class CaseFieldsResolver {
  constructor(
    private readonly reader: CaseReader,
    private readonly access: CaseAccess,
    private readonly identityAccess: IdentityAccess,
    private readonly sealer: PersonSealer,
  ) {}

  @ResolveField(() => UnitModel)
  async leadUnit(@Parent() parent: CaseModel, @Context() context: RequestContext) {
    return loadUnit(context, parent.leadUnitId);
  }

  /**
   * Identities are opened only for persons the caller has a grant for (need-to-know). Checked
   * again against the case: a Case object must not carry its persons to a caller who may not see it.
   */
  @ResolveField(() => [PersonModel])
  async persons(
    @Parent() parent: CaseModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ): Promise<PersonModel[]> {
    if (!(await this.access.standingIn(context, actor, parent.id))?.visible) return [];
    const [persons, grants] = await Promise.all([
      this.reader.persons(parent.id),
      this.identityAccess.grants(actor, parent.id),
    ]);
    return persons.map((person) => {
      const grant = grants.get(person.id) ?? null;
      return toPersonModel(person, grant ? this.sealer.open(person) : null, grant);
    });
  }
}
