import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { CurrentActor, type Actor } from '@simpul/identity';
import type { PersonIdentity } from '@simpul/privacy';
import { CaseLoader } from '../case.loader';
import { CaseModel } from '../models/case.model';
import { PersonModel } from '../models/person.model';
import { PersonAccessLog } from '../person-access-log';

const NEED_TO_KNOW =
  'Identity fields are null unless the caller may see them (case party with need-to-know)';

/** Each identity field is disclosed only with a grant, and every disclosure is logged first. */
@Resolver(() => PersonModel)
export class PersonIdentityResolver {
  constructor(
    private readonly log: PersonAccessLog,
    private readonly cases: CaseLoader,
  ) {}

  @ResolveField(() => String, { nullable: true, description: NEED_TO_KNOW })
  fullName(@Parent() p: PersonModel, @CurrentActor() actor: Actor, @Context() c: RequestContext) {
    return this.disclose(p, 'fullName', actor, c);
  }

  @ResolveField(() => String, { nullable: true })
  nationalId(@Parent() p: PersonModel, @CurrentActor() actor: Actor, @Context() c: RequestContext) {
    return this.disclose(p, 'nationalId', actor, c);
  }

  @ResolveField(() => String, { nullable: true })
  passportNumber(
    @Parent() p: PersonModel,
    @CurrentActor() actor: Actor,
    @Context() c: RequestContext,
  ) {
    return this.disclose(p, 'passportNumber', actor, c);
  }

  @ResolveField(() => String, { nullable: true })
  birthDate(@Parent() p: PersonModel, @CurrentActor() actor: Actor, @Context() c: RequestContext) {
    return this.disclose(p, 'birthDate', actor, c);
  }

  @ResolveField(() => String, { nullable: true })
  phone(@Parent() p: PersonModel, @CurrentActor() actor: Actor, @Context() c: RequestContext) {
    return this.disclose(p, 'phone', actor, c);
  }

  @ResolveField('case', () => CaseModel, { description: 'The case this person belongs to' })
  caseOf(@Parent() p: PersonModel, @CurrentActor() actor: Actor, @Context() c: RequestContext) {
    return this.cases.load(c, actor, p.caseId);
  }

  private async disclose(
    person: PersonModel,
    field: keyof PersonIdentity,
    actor: Actor,
    context: RequestContext,
  ): Promise<string | null> {
    const value = person.identity?.[field] ?? null;
    if (value === null || !person.grant) return null;
    await this.log.record(context, actor, { personId: person.id, field, grant: person.grant });
    return value;
  }
}
