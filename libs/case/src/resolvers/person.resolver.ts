import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { badInput, notFound, type RequestContext, SignedIn } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, loadOfficer, OfficerModel, Role, type Actor } from '@simpul/identity';
import { IdentityNumberHasher } from '@simpul/privacy';
import { CaseAccess } from '../case-access';
import { CaseReader } from '../case.reader';
import { PersonInput } from '../dto/open-case.input';
import { UpdatePersonInput } from '../dto/update-person.input';
import { IdentityAccess } from '../identity-access';
import { toPersonModel } from '../models/case.mapper';
import { PersonAccessModel } from '../models/person-access.model';
import { PersonModel } from '../models/person.model';
import { PersonAccessLog } from '../person-access-log';
import { PersonSealer } from '../person-sealer';
import { AddPersonUseCase } from '../use-cases/add-person.use-case';
import { UpdatePersonUseCase } from '../use-cases/update-person.use-case';

const LEAD = { basis: 'LEAD_UNIT' as const, referralId: null };

@SignedIn()
@Resolver(() => PersonModel)
export class PersonResolver {
  constructor(
    private readonly addPersonUseCase: AddPersonUseCase,
    private readonly updatePersonUseCase: UpdatePersonUseCase,
    private readonly sealer: PersonSealer,
    private readonly reader: CaseReader,
    private readonly access: CaseAccess,
    private readonly identityAccess: IdentityAccess,
    private readonly hasher: IdentityNumberHasher,
    private readonly log: PersonAccessLog,
  ) {}

  @Mutation(() => PersonModel, {
    description: 'Lead unit only: record another person on an open case',
  })
  async addPerson(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: PersonInput,
  ) {
    const person = await this.addPersonUseCase.execute(actor, caseId, input);
    return toPersonModel(person, this.sealer.open(person), LEAD);
  }

  @Mutation(() => PersonModel, { description: "Lead unit only: correct a person's data" })
  async updatePerson(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePersonInput,
  ) {
    const { person, identity } = await this.updatePersonUseCase.execute(actor, id, input);
    return toPersonModel(person, identity, LEAD);
  }

  /**
   * Finds persons by NIK or passport through their keyed hashes — to spot a victim already known —
   * among the persons whose identity the caller may see. Others are not revealed to exist.
   */
  @Query(() => [PersonModel])
  async findPersons(
    @CurrentActor() actor: Actor,
    @Args('nationalId', { type: () => String, nullable: true }) nationalId?: string | null,
    @Args('passportNumber', { type: () => String, nullable: true }) passportNumber?: string | null,
  ): Promise<PersonModel[]> {
    const nik = this.hasher.hash('nik', nationalId);
    const passport = this.hasher.hash('passport', passportNumber);
    if (!nik && !passport) throw badInput('nationalId', 'give a NIK or a passport number');
    const candidates = await this.reader.personsByIdentityHash(nik, passport);
    const found: PersonModel[] = [];
    for (const person of candidates) {
      const grant = (await this.identityAccess.grants(actor, person.caseId)).get(person.id);
      if (grant) found.push(toPersonModel(person, this.sealer.open(person), grant));
    }
    return found;
  }

  @Query(() => [PersonAccessModel], {
    description:
      "Who read this person's identity, when, which fields and why (ADMIN and lead unit)",
  })
  async personAccessLog(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID }) personId: string,
  ) {
    const person = await this.reader.personById(personId);
    const isAdmin = actor.roles.includes(Role.ADMIN);
    const leads =
      person &&
      !isAdmin &&
      (await this.access.caseworkUnitIds(actor)).includes(
        (await this.reader.caseOf(person)).leadUnitId,
      );
    if (!person || (!isAdmin && !leads)) throw notFound('Person');
    return (await this.log.forPerson(personId)).map((row) =>
      Object.assign(new PersonAccessModel(), row),
    );
  }
}

@Resolver(() => PersonAccessModel)
export class PersonAccessFieldsResolver {
  @ResolveField(() => OfficerModel)
  officer(@Parent() access: PersonAccessModel, @Context() context: RequestContext) {
    return loadOfficer(context, access.officerId);
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() access: PersonAccessModel, @Context() context: RequestContext) {
    return loadUnit(context, access.unitId);
  }
}
