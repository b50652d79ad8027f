import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyModule } from '@simpul/agency';
import { AccessTokenAuthenticator } from './access-token.authenticator';
import { GraphqlAuthGuard } from './auth/graphql-auth.guard';
import { OfficerEntity } from './entities/officer.entity';
import { LoginUseCase } from './login.use-case';
import { OfficerLoader } from './officer.loader';
import { OfficerReader } from './officer.reader';
import { PasswordHasher } from './password-hasher';
import { AuthResolver } from './resolvers/auth.resolver';
import { OfficerResolver } from './resolvers/officer.resolver';
import { TokenService } from './token.service';

/**
 * Officers, login and access tokens, and the GraphQL auth guard. Re-exports AgencyModule so the
 * gateway can register the guard (which needs UnitLoader) as APP_GUARD from its root module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfficerEntity]), AgencyModule],
  providers: [
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    TokenService,
    AccessTokenAuthenticator,
    LoginUseCase,
    GraphqlAuthGuard,
    AuthResolver,
    OfficerResolver,
  ],
  exports: [
    AgencyModule,
    PasswordHasher,
    OfficerReader,
    OfficerLoader,
    TokenService,
    AccessTokenAuthenticator,
    LoginUseCase,
    GraphqlAuthGuard,
  ],
})
export class IdentityModule {}
