import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@simpul/config';

/**
 * Helmet's headers on every response (GraphQL, health, the console): HSTS, nosniff,
 * Referrer-Policy no-referrer, COOP/CORP same-origin, X-Frame-Options DENY and a Content Security
 * Policy that lets a console served from the same origin load its own scripts, styles, images
 * and fonts and call /graphql over HTTP and WebSocket — and nothing else (no inline script, no
 * third-party origin, no framing).
 */
export function securityHeaderOptions(config: AppConfig): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // In development the console is plain http://localhost: upgrading would break it.
        ...(config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  };
}

/** Registers helmet on the gateway; call before `init`/`listen` so every route gets the headers. */
export async function registerSecurityHeaders(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  await app.register(fastifyHelmet, securityHeaderOptions(config));
}
