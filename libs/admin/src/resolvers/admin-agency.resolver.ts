import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { AgencyModel, UnitModel, toAgencyModel, toUnitModel } from '@simpul/agency';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { CreateAgencyInput } from '../dto/create-agency.input';
import { CreateUnitInput } from '../dto/create-unit.input';
import { UpdateAgencyInput } from '../dto/update-agency.input';
import { UpdateUnitInput } from '../dto/update-unit.input';
import { CreateAgencyUseCase } from '../use-cases/create-agency.use-case';
import { CreateUnitUseCase } from '../use-cases/create-unit.use-case';
import { UpdateAgencyUseCase } from '../use-cases/update-agency.use-case';
import { UpdateUnitUseCase } from '../use-cases/update-unit.use-case';

/** The admin console's agencies and units. ADMIN only; everyone else gets FORBIDDEN. */
@Resolver()
export class AdminAgencyResolver {
  constructor(
    private readonly createAgencyUseCase: CreateAgencyUseCase,
    private readonly updateAgencyUseCase: UpdateAgencyUseCase,
    private readonly createUnitUseCase: CreateUnitUseCase,
    private readonly updateUnitUseCase: UpdateUnitUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Mutation(() => AgencyModel, { description: 'ADMIN: a new agency with a unique code' })
  async createAgency(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateAgencyInput,
  ): Promise<AgencyModel> {
    return toAgencyModel(await this.createAgencyUseCase.execute(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AgencyModel, { description: "ADMIN: changes an agency's name or kind" })
  async updateAgency(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAgencyInput,
  ): Promise<AgencyModel> {
    return toAgencyModel(await this.updateAgencyUseCase.execute(actor, id, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UnitModel, { description: 'ADMIN: a new unit of an agency with a unique code' })
  async createUnit(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateUnitInput,
  ): Promise<UnitModel> {
    return toUnitModel(await this.createUnitUseCase.execute(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UnitModel, {
    description: "ADMIN: changes a unit's name, region, country or time zone",
  })
  async updateUnit(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUnitInput,
  ): Promise<UnitModel> {
    return toUnitModel(await this.updateUnitUseCase.execute(actor, id, input));
  }
}
