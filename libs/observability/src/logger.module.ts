import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { APP_CONFIG, ClientAddressResolver, type AppConfig } from '@simpul/config';
import { LoggerModule as PinoLoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { FastifyRequestId } from './fastify-request-id';
import { REQUEST_ID_HEADER, sanitizeRequestId } from './request-id';

/**
 * Optional provider of where log lines go (default: stdout). Tests provide one to read the lines
 * and prove that no personal data reaches them.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Probes hit these every few seconds: log them only when they fail. */
const QUIET_WHEN_OK = new Set(['/health/live', '/health/ready']);

/** Belt and braces: nothing below logs headers, but a careless `log.info({ req })` must not leak. */
const REDACTED_PATHS = [
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
];

/** Path without the query string: GraphQL GETs carry queries and variables there. */
function pathOf(url: string | undefined): string {
  const path = (url ?? '').split('?', 1)[0];
  return path.length > 256 ? `${path.slice(0, 256)}…` : path;
}

/** Middleware may rewrite `req.url` (middie strips a matched prefix); the original is kept here. */
const originalUrl = (req: IncomingMessage & { originalUrl?: string }) => req.originalUrl ?? req.url;

/** What pino-http hands the `req` serializer: a summary of the request, raw headers included. */
interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * pino-http settings: JSON lines; one request id per HTTP request (the caller's safe
 * `x-request-id` or a UUID, echoed in the response); per request only method, path, client
 * address (resolved under TRUST_PROXY, as rate limits and the lockout see it), status and
 * duration. Never bodies, headers or GraphQL variables: they may hold tokens or personal data.
 */
export function loggerParams(
  logLevel: string,
  destination?: DestinationStream,
  addresses = new ClientAddressResolver({ kind: 'off' }),
): Params {
  return {
    // nestjs-pino's default route, '{/*splat}', matches nothing on Nest 12.5 + Fastify (checked
    // here): the middleware never ran. '{*splat}' matches every path, '/' included.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: logLevel,
      stream: destination,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Used only where the HTTP server has not set an id already (Fastify has: FastifyRequestId).
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = sanitizeRequestId(req.headers[REQUEST_ID_HEADER]);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customAttributeKeys: { responseTime: 'durationMs' },
      serializers: {
        req: (req: LoggedRequest) => ({
          id: req.id,
          method: req.method,
          path: pathOf(req.url),
          clientAddress: addresses.resolve(req.remoteAddress, req.headers?.['x-forwarded-for']),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // For a 5xx without an error pino-http invents one ('failed with status code 503') whose
      // stack points into pino-http; drop it. Nest logs the real exceptions itself.
      customErrorObject: (_req, _res, error, value: Record<string, unknown>) => {
        if (!error.message.startsWith('failed with status code')) return value;
        const { err: _synthetic, ...rest } = value;
        return rest;
      },
      customLogLevel: (req, res, error): LevelWithSilent => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return QUIET_WHEN_OK.has(pathOf(originalUrl(req))) ? 'silent' : 'info';
      },
    },
  };
}

/**
 * Structured logging for the gateway and the worker, at AppConfig.logLevel. Apps create Nest with
 * `{ bufferLogs: true }` and call `app.useLogger(app.get(Logger))` (Logger from nestjs-pino).
 */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) =>
        loggerParams(
          config.logLevel,
          destination,
          // The logger's own tests provide a config with a log level only.
          config.trustProxy ? new ClientAddressResolver(config.trustProxy) : undefined,
        ),
    }),
  ],
  providers: [FastifyRequestId],
  exports: [PinoLoggerModule],
})
export class LoggerModule {}
