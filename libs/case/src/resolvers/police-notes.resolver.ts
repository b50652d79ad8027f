import { SignedIn } from '@simpul/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { toCaseModel } from '../models/case.mapper';
import { CaseModel } from '../models/case.model';
import { PoliceNotes } from '../police-notes';

@SignedIn()
@Resolver(() => CaseModel)
export class PoliceNotesResolver {
  constructor(private readonly notes: PoliceNotes) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Police-only notes: readable by INVESTIGATORs whose unit is a party of the case, null for everyone else',
  })
  policeNotes(@Parent() parent: CaseModel, @CurrentActor() actor: Actor) {
    return this.notes.read(actor, parent.id);
  }

  @Mutation(() => CaseModel, {
    description:
      "INVESTIGATORs of the case's parties only: replace the police notes (null clears them)",
  })
  async setPoliceNotes(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('notes', { type: () => String, nullable: true }) notes: string | null,
  ) {
    return toCaseModel(await this.notes.write(actor, caseId, notes));
  }
}
