import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loaderFor, type RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, type Actor } from '@simpul/identity';
import { CaseAccess } from '../case-access';
import { CaseReader } from '../case.reader';
import { toPersonModel } from '../models/case.mapper';
import { CaseModel } from '../models/case.model';
import { PersonModel } from '../models/person.model';

@Resolver(() => CaseModel)
export class CaseFieldsResolver {
  constructor(
    private readonly reader: CaseReader,
    private readonly access: CaseAccess,
  ) {}

  @ResolveField(() => UnitModel)
  async leadUnit(@Parent() parent: CaseModel, @Context() context: RequestContext) {
    return loadUnit(context, parent.leadUnitId);
  }

  /**
   * Identity travels only to parties (issue "Identity, access control and victim privacy" narrows
   * this to need-to-know); auditors see labels only.
   */
  @ResolveField(() => [PersonModel])
  async persons(
    @Parent() parent: CaseModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ): Promise<PersonModel[]> {
    const party = loaderFor<boolean>(context, 'case-party', (caseIds) =>
      Promise.all(caseIds.map((id) => this.access.isParty(actor, id))),
    );
    const [persons, reveal] = await Promise.all([
      this.reader.persons(parent.id),
      party.load(parent.id),
    ]);
    return persons.map((person) => toPersonModel(person, reveal === true));
  }
}
