import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { GatewayModule } from './gateway.module';
import { registerSecurityHeaders } from './hardening/security-headers';
import { serveConsole } from './console/serve-console';

/** Request bodies over 1 MB are refused with HTTP 413 (docs/architecture.md) before any parsing. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the gateway application (not yet listening); used by main and by the tests. */
export async function createGateway(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app, app.get<AppConfig>(APP_CONFIG));
  // The web console at / (apps/console, built into dist/apps/console).
  await serveConsole(app);
  app.enableShutdownHooks();
  return app;
}
