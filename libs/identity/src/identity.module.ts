import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { AccessTokenAuthenticator } from './access-token.authenticator';
import { GraphqlAuthGuard } from './auth/graphql-auth.guard';
import { ChangePasswordUseCase } from './change-password.use-case';
import { OfficerEntity } from './entities/officer.entity';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { LoginThrottle } from './login-throttle';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { OfficerLoader } from './officer.loader';
import { OfficerReader } from './officer.reader';
import { OfficerStore } from './officer.store';
import { OidcTokenVerifier } from './oidc/oidc-token.verifier';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { AuthResolver } from './resolvers/auth.resolver';
import { OfficerResolver } from './resolvers/officer.resolver';
import { SessionEvents } from './sessions/session-events';
import { SessionStore } from './sessions/session.store';
import { TokenService } from './token.service';
import { DatabaseModule } from '@simpul/database';

/**
 * Officers, login, sessions and access tokens (Simpul's own and, when configured, the SSO
 * provider's), and the GraphQL auth guard. Re-exports AgencyModule so the gateway can register the
 * guard (which needs UnitLoader) as APP_GUARD from its root module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfficerEntity]), AgencyModule, DatabaseModule],
  providers: [
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    OfficerStore,
    SessionStore,
    SessionEvents,
    LoginAttemptsRepository,
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
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    OfficerStore,
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
