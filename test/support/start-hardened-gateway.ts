import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GRAPHQL_MODULE_OPTIONS } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { AccessTokenAuthenticator } from '@simpul/identity';
import { BODY_LIMIT_BYTES, createGateway } from '../../apps/gateway/src/create-gateway';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { graphqlOptions } from '../../apps/gateway/src/graphql/graphql-options';
import { hardenedApolloOptions, hardeningProviders } from '../../apps/gateway/src/hardening';
import { OfficerRateLimitInterceptor } from '../../apps/gateway/src/hardening/rate-limit/officer-rate-limit.interceptor';
import { registerSecurityHeaders } from '../../apps/gateway/src/hardening/security-headers';
import { hardenedSubscriptionOptions } from '../../apps/gateway/src/hardening/subscription-validate';

export interface RunningGateway {
  app: NestFastifyApplication;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

/** Runs `build` with process.env temporarily overridden (config is read when modules boot). */
async function withEnv<T>(overrides: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  try {
    return await build();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Whether gateway.module.ts already registers the hardening providers. */
function hardeningIsWired(): boolean {
  const providers = (Reflect.getMetadata('providers', GatewayModule) ?? []) as unknown[];
  return providers.some(
    (provider) =>
      typeof provider === 'object' &&
      provider !== null &&
      (provider as { useClass?: unknown }).useClass === OfficerRateLimitInterceptor,
  );
}

/** The gateway with the Apollo options and providers of hardening/index.ts added. */
async function createGatewayWithHardening(): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [GatewayModule],
    providers: hardeningProviders,
  })
    .overrideProvider(GRAPHQL_MODULE_OPTIONS)
    .useFactory({
      inject: [APP_CONFIG, AccessTokenAuthenticator],
      factory: (config: AppConfig, authenticator: AccessTokenAuthenticator) => {
        const options = graphqlOptions(config, authenticator);
        const hardened = hardenedApolloOptions(config);
        const graphqlWs = options.subscriptions?.['graphql-ws'];
        return {
          ...options,
          plugins: [...(options.plugins ?? []), ...hardened.plugins],
          validationRules: [...(options.validationRules ?? []), ...hardened.validationRules],
          subscriptions: {
            ...options.subscriptions,
            'graphql-ws': {
              ...(typeof graphqlWs === 'object' ? graphqlWs : {}),
              ...hardenedSubscriptionOptions(config),
            },
          },
        };
      },
    })
    .compile();
  // As createGateway() builds it.
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app, app.get<AppConfig>(APP_CONFIG));
  return app;
}

/**
 * The whole gateway with the hardening of apps/gateway/src/hardening wired in, listening on a free
 * loopback port. Once gateway.module.ts and graphql-options.ts wire it themselves this is just
 * createGateway(); until then the Apollo options are overridden and the providers added here, as
 * the wiring instructions in docs/security-hardening.md describe.
 */
export async function startHardenedGateway(
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const app = await withEnv(env, async () => {
    const gateway = hardeningIsWired() ? await createGateway() : await createGatewayWithHardening();
    await gateway.init();
    return gateway;
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  return { app, baseUrl, graphqlUrl: `${baseUrl}/graphql`, close: () => app.close() };
}
