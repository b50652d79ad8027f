import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import type { Actor } from '../actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { LoginUseCase } from '../login.use-case';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { toOfficerModel } from '../models/officer.mapper';
import { OfficerModel } from '../models/officer.model';
import { OfficerLoader } from '../officer.loader';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly loginUseCase: LoginUseCase,
    private readonly officers: OfficerLoader,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(
    @Args('username') username: string,
    @Args('password') password: string,
  ): Promise<AuthPayloadModel> {
    const { accessToken, expiresAt, officer } = await this.loginUseCase.login(username, password);
    return Object.assign(new AuthPayloadModel(), {
      accessToken,
      expiresAt,
      officer: toOfficerModel(officer),
    });
  }

  @Query(() => OfficerModel)
  me(@CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<OfficerModel> {
    return this.officers.loadOfficer(context, actor.officerId);
  }
}
