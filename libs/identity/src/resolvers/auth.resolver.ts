import { SignedIn } from '@simpul/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import type { Actor } from '../actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CurrentCredential } from '../auth/current-credential.decorator';
import { Public } from '../auth/public.decorator';
import { ChangePasswordUseCase } from '../change-password.use-case';
import { clientAddressOf } from '../client-address';
import type { Credential } from '../credential';
import { LoginUseCase, type LoginResult } from '../login.use-case';
import { LogoutUseCase } from '../logout.use-case';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { toOfficerModel } from '../models/officer.mapper';
import { OfficerModel } from '../models/officer.model';
import { OfficerLoader } from '../officer.loader';
import { RefreshSessionUseCase } from '../refresh-session.use-case';

const toAuthPayload = (result: LoginResult): AuthPayloadModel =>
  Object.assign(new AuthPayloadModel(), {
    accessToken: result.accessToken,
    expiresAt: result.expiresAt,
    refreshToken: result.refreshToken,
    officer: toOfficerModel(result.officer),
  });

@Resolver()
export class AuthResolver {
  constructor(
    private readonly loginUseCase: LoginUseCase,
    private readonly refreshSessionUseCase: RefreshSessionUseCase,
    private readonly logoutUseCase: LogoutUseCase,
    private readonly changePasswordUseCase: ChangePasswordUseCase,
    private readonly officers: OfficerLoader,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(
    @Args('username') username: string,
    @Args('password') password: string,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadModel> {
    return toAuthPayload(
      await this.loginUseCase.login(username, password, clientAddressOf(context)),
    );
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'A new access token and the next refresh token of the session; a refresh token works once, and presenting a used one again ends the session',
  })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.refreshSessionUseCase.execute(refreshToken));
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: "Revokes the caller's access token at once and ends its sign-in session",
  })
  async logout(@CurrentCredential() credential: Credential): Promise<boolean> {
    await this.logoutUseCase.execute(credential);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description:
      "Sets the caller's password (at least 12 characters) and ends the caller's other sessions",
  })
  async changePassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @CurrentActor() actor: Actor,
    @CurrentCredential() credential: Credential,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    await this.changePasswordUseCase.execute(
      actor,
      credential,
      currentPassword,
      newPassword,
      clientAddressOf(context),
    );
    return true;
  }

  @SignedIn()
  @Query(() => OfficerModel)
  me(@CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<OfficerModel> {
    return this.officers.loadOfficer(context, actor.officerId);
  }
}
