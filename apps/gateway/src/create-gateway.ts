import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, ClientAddressResolver, type AppConfig, loadConfig } from '@simpul/config';
import { GatewayModule } from './gateway.module';
import { announceClock } from './clock/announce-clock';
import { limitConnectionsPerAddress } from './hardening/connection-limit';
import { BODY_LIMIT_BYTES, httpServerOptions } from './hardening/http-server-options';
import { registerSecurityHeaders } from './hardening/security-headers';
import { serveConsole } from './console/serve-console';
import { registerBullBoard } from './operators/bull-board';
import { recordHttpMetrics } from './operators/http-metrics';

export { BODY_LIMIT_BYTES };

/** Builds the gateway application (not yet listening); used by main and by the tests. */
export async function createGateway(): Promise<NestFastifyApplication> {
  // The HTTP server is created with the adapter, before Nest provides APP_CONFIG: read it here
  // (the same environment, the same validation).
  const serverConfig = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule,
    new FastifyAdapter(httpServerOptions(serverConfig)),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  limitConnectionsPerAddress(
    app.getHttpServer(),
    config.http.maxConnectionsPerAddress,
    new ClientAddressResolver(config.trustProxy),
  );
  await registerSecurityHeaders(app, config);
  recordHttpMetrics(app);
  announceClock(app);
  // Bull Board at /operators/queues, ADMIN only (a cookie exchanged for the access token).
  await registerBullBoard(app, config);
  // The web console at / (apps/console, built into dist/apps/console).
  await serveConsole(app);
  // Signals are main's business (exitGracefullyOnSignals): tests and CLIs close the app themselves.
  return app;
}
