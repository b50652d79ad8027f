import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { GatewayModule } from './gateway.module';
import { registerSecurityHeaders } from './hardening/security-headers';

/** Request bodies over 1 MB are refused with HTTP 413 (docs/architecture.md) before any parsing. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The console's static files next to the compiled gateway: dist/apps/gateway/src/../../console,
 * where scripts/build.mjs copies apps/console. Only the compiled CommonJS gateway has `__dirname`;
 * when Jest loads this module as ESM (in-process tests) there is no console to serve.
 */
function consoleRoot(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const root = join(__dirname, '..', '..', 'console');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/** Builds the gateway application (not yet listening); used by main and by the tests. */
export async function createGateway(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app, app.get<AppConfig>(APP_CONFIG));
  // The web console at /: index.html, styles.css and its ES modules (app.js and the modules it
  // imports). With `wildcard: false` @fastify/static lists every file in the folder once, at
  // boot, and registers one route per file — no wildcard, so /graphql and /health/* stay as they
  // are, and a new module is served without listing it here. Helmet's headers (CSP 'self')
  // apply to every file.
  const root = consoleRoot();
  if (root) {
    // Loaded only here: @fastify/static needs require(esm), which Jest's module runtime lacks.
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, decorateReply: false });
  }
  app.enableShutdownHooks();
  return app;
}
