import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { AccessTokenAuthenticator } from './access-token.authenticator';
import { GraphqlAuthGuard } from './auth/graphql-auth.guard';
import { ChangePasswordUseCase } from './change-password.use-case';
import { OfficerEntity } from './entities/officer.entity';
import { LoginThrottle } from './login-throttle';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { OfficerLoader } from './officer.loader';
import { OfficerAdminService } from './officer-admin.service';
import { OfficerReader } from './officer.reader';
import { OfficerRepository } from './officer.repository';
import { OidcTokenVerifier } from './oidc/oidc-token.verifier';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { AuthResolver } from './resolvers/auth.resolver';
import { OfficerResolver } from './resolvers/officer.resolver';
import { SessionEvents } from './sessions/session-events';
import { SessionStore } from './sessions/session.store';
import { TokenService } from './token.service';

/**
 * Officers, login, sessions and access tokens (Simpul's own and, when configured, the SSO
 * provider's), and the GraphQL auth guard. Re-exports AgencyModule so the gateway can register the
 * guard (which needs UnitLoader) as APP_GUARD from its root module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfficerEntity]), AgencyModule],
  providers: [
    OfficerRepository,
    OfficerAdminService,
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    SessionStore,
    SessionEvents,
    LoginThrottle,
    TokenService,
    OidcTokenVerifier,
    AccessTokenAuthenticator,
    LoginUseCase,
    RefreshSessionUseCase,
    LogoutUseCase,
    ChangePasswordUseCase,
    GraphqlAuthGuard,
    AuthResolver,
    OfficerResolver,
  ],
  exports: [
    AgencyModule,
    OfficerAdminService,
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    SessionStore,
    LoginThrottle,
    TokenService,
    OidcTokenVerifier,
    AccessTokenAuthenticator,
    LoginUseCase,
    GraphqlAuthGuard,
  ],
})
export class IdentityModule {}
