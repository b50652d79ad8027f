import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput, isUuid } from '@simpul/common';
import {
  CurrentActor,
  OfficerModel,
  OfficerReader,
  Role,
  Roles,
  toOfficerModel,
  type Actor,
} from '@simpul/identity';
import { assertAdmin } from '../admin-entry';
import { CreateOfficerInput } from '../dto/create-officer.input';
import { UpdateOfficerInput } from '../dto/update-officer.input';
import { CreateOfficerUseCase } from '../use-cases/create-officer.use-case';
import { DeactivateOfficerUseCase } from '../use-cases/deactivate-officer.use-case';
import { ReactivateOfficerUseCase } from '../use-cases/reactivate-officer.use-case';
import { ResetOfficerPasswordUseCase } from '../use-cases/reset-officer-password.use-case';
import { UpdateOfficerUseCase } from '../use-cases/update-officer.use-case';

/** The admin console's officers. ADMIN only; everyone else gets FORBIDDEN. */
@Resolver()
export class AdminOfficerResolver {
  constructor(
    private readonly officerReader: OfficerReader,
    private readonly createOfficerUseCase: CreateOfficerUseCase,
    private readonly updateOfficerUseCase: UpdateOfficerUseCase,
    private readonly deactivateOfficerUseCase: DeactivateOfficerUseCase,
    private readonly reactivateOfficerUseCase: ReactivateOfficerUseCase,
    private readonly resetOfficerPasswordUseCase: ResetOfficerPasswordUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => [OfficerModel], {
    description: 'ADMIN: officers of one unit, or of all units, inactive ones included',
  })
  async officers(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<OfficerModel[]> {
    assertAdmin(actor);
    if (unitId != null && !isUuid(unitId)) {
      throw badInput('unitId', 'is not an id returned by this API');
    }
    return (await this.officerReader.list(unitId)).map(toOfficerModel);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OfficerModel, {
    description: 'ADMIN: a new officer of a unit with an initial password',
  })
  async createOfficer(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOfficerInput,
  ): Promise<OfficerModel> {
    return toOfficerModel(await this.createOfficerUseCase.execute(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OfficerModel, {
    description: "ADMIN: changes an officer's display name, roles or unit",
  })
  async updateOfficer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfficerInput,
  ): Promise<OfficerModel> {
    return toOfficerModel(await this.updateOfficerUseCase.execute(actor, id, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OfficerModel, {
    description: 'ADMIN: no more sign-in; every token of the officer stops working at once',
  })
  async deactivateOfficer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OfficerModel> {
    return toOfficerModel(await this.deactivateOfficerUseCase.execute(actor, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OfficerModel, { description: 'ADMIN: lets a deactivated officer sign in again' })
  async reactivateOfficer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OfficerModel> {
    return toOfficerModel(await this.reactivateOfficerUseCase.execute(actor, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "ADMIN: sets a new password (at least 12 characters) and ends all the officer's sessions",
  })
  async resetOfficerPassword(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    await this.resetOfficerPasswordUseCase.execute(actor, id, newPassword);
    return true;
  }
}
