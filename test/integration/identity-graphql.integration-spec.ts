import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Catch, Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule, Query, Resolver, type GqlExceptionFilter } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { seedReferenceData } from '@simpul/agency';
import { DomainError, type RequestContext } from '@simpul/common';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import {
  CurrentActor,
  GraphqlAuthGuard,
  IdentityModule,
  Role,
  Roles,
  seedDemoCast,
  type Actor,
} from '@simpul/identity';

/** The identity and agency libs behind a minimal GraphQL app wired the way the gateway wires them. */

@Catch()
class DomainErrorToGraphql implements GqlExceptionFilter {
  catch(error: unknown) {
    if (error instanceof DomainError) {
      return new GraphQLError(error.message, { extensions: { code: error.code } });
    }
    return error;
  }
}

@Controller('health')
class HealthController {
  @Get('live') live() {
    return { status: 'ok' };
  }
}

@Resolver()
class ProbeResolver {
  @Roles(Role.ADMIN, Role.AUDITOR)
  @Query(() => String)
  oversightOnly(@CurrentActor() actor: Actor): string {
    return actor.username;
  }
}

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    IdentityModule,
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      context: (req: RequestContext['req']): RequestContext<Actor> => ({ req, loaders: new Map() }),
    }),
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: GraphqlAuthGuard },
    { provide: APP_FILTER, useClass: DomainErrorToGraphql },
    ProbeResolver,
  ],
})
class TestApiModule {}

interface GraphqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('identity and agency over GraphQL', () => {
  let app: NestFastifyApplication;
  let url: string;

  const graphql = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphqlResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<T>;
  };
  const codeOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions?.code;

  const LOGIN = `mutation ($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken expiresAt
      officer { username displayName roles unit { code timeZone agency { code kind } } }
    }
  }`;
  const tokenOf = async (username: string) => {
    const response = await graphql<{ login: { accessToken: string } }>(LOGIN, {
      username,
      password: 'simpul-demo',
    });
    return response.data!.login.accessToken;
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TestApiModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedDemoCast(manager, 'simpul-demo');
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('logs in without a token and returns the officer with its unit and agency', async () => {
    const response = await graphql<{ login: Record<string, unknown> }>(LOGIN, {
      username: 'bp3mi.ntt',
      password: 'simpul-demo',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.login).toMatchObject({
      accessToken: expect.any(String),
      officer: {
        username: 'bp3mi.ntt',
        roles: ['DESK_OFFICER'],
        unit: {
          code: 'BP3MI-NTT',
          timeZone: 'Asia/Makassar',
          agency: { code: 'KP2MI', kind: 'KP2MI' },
        },
      },
    });
    expect(new Date(response.data!.login.expiresAt as string).getTime()).toBeGreaterThan(
      Date.now(),
    );
  });

  it('refuses a wrong password with UNAUTHENTICATED', async () => {
    const response = await graphql(LOGIN, { username: 'bp3mi.ntt', password: 'wrong' });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0].message).toBe('Invalid username or password');
  });

  it('denies every other operation without a valid token', async () => {
    expect(codeOf(await graphql('{ me { username } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graphql('{ agencies { code } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graphql('{ units { code } }', {}, 'not-a-token'))).toBe('UNAUTHENTICATED');
  });

  it('lets HTTP controllers such as health through untouched', async () => {
    const response = await fetch(`${url}/health/live`);
    expect(response.status).toBe(200);
  });

  it('answers me for the token holder', async () => {
    const token = await tokenOf('gugustugas.ntt');
    const response = await graphql(
      '{ me { username roles unit { code agency { code kind } } } }',
      {},
      token,
    );
    expect(response.data).toEqual({
      me: {
        username: 'gugustugas.ntt',
        roles: ['SUPERVISOR'],
        unit: { code: 'GT-NTT', agency: { code: 'GT-NTT', kind: 'GUGUS_TUGAS' } },
      },
    });
  });

  it('lists agencies by code with their units', async () => {
    const token = await tokenOf('kemlu.pwni');
    const response = await graphql<{
      agencies: { code: string; units: { code: string; agency: { code: string } }[] }[];
    }>('{ agencies { code kind units { code agency { code } } } }', {}, token);
    const codes = response.data!.agencies.map((a) => a.code);
    expect(codes).toEqual([...codes].sort());
    const kemlu = response.data!.agencies.find((a) => a.code === 'KEMLU')!;
    expect(kemlu.units.map((u) => u.code)).toEqual(
      expect.arrayContaining(['KBRI-PHNOMPENH', 'KEMLU-PWNI']),
    );
    // Unit.agency resolves back to the parent through the request's loader.
    for (const agency of response.data!.agencies) {
      for (const unit of agency.units) expect(unit.agency.code).toBe(agency.code);
    }
  });

  it('filters units by agency kind and region', async () => {
    const token = await tokenOf('uptdppa.ntt');
    const response = await graphql(
      'query ($kind: AgencyKind, $region: String) { units(agencyKind: $kind, regionCode: $region) { code regionCode } }',
      { kind: 'PEMDA', region: '53' },
      token,
    );
    expect(response.data).toEqual({
      units: [
        { code: 'DINSOS-NTT', regionCode: '53' },
        { code: 'UPTDPPA-NTT', regionCode: '53' },
      ],
    });
    const missions = await graphql<{ units: { code: string; countryCode: string }[] }>(
      '{ units(agencyKind: KEMLU) { code countryCode timeZone } }',
      {},
      token,
    );
    expect(missions.data!.units).toContainEqual({
      code: 'KBRI-PHNOMPENH',
      countryCode: 'KH',
      timeZone: 'Asia/Phnom_Penh',
    });
    const bad = await graphql('{ units(regionCode: "NTT") { code } }', {}, token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('enforces @Roles: FORBIDDEN without any listed role, allowed with one of them', async () => {
    const desk = await graphql('{ oversightOnly }', {}, await tokenOf('bp3mi.ntt'));
    expect(codeOf(desk)).toBe('FORBIDDEN');
    const auditor = await graphql('{ oversightOnly }', {}, await tokenOf('auditor'));
    expect(auditor.data).toEqual({ oversightOnly: 'auditor' });
  });
});
