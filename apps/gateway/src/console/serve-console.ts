import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_ROUTE_PREFIXES } from './console-routes';

/** Hashed file names never change content: browsers keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, sw.js, favicon: revalidated on every use, so a new build is picked up at once. */
export const REVALIDATE = 'no-cache';

/**
 * The built console (scripts/build-console.mjs) next to the compiled gateway:
 * dist/apps/gateway/src/console/../../../console. Only the compiled CommonJS gateway has
 * `__dirname`; when Jest loads this module as ESM (in-process tests) there is no console to serve.
 */
export function consoleRoot(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const root = join(__dirname, '..', '..', '..', 'console');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

interface Variant {
  encoding: 'br' | 'gzip' | null;
  body: Buffer;
}

/** index.html and its brotli/gzip variants, read once at boot (a few hundred bytes each). */
function indexVariants(root: string): Variant[] {
  const file = join(root, 'index.html');
  const variants: Variant[] = [];
  if (existsSync(`${file}.br`)) variants.push({ encoding: 'br', body: readFileSync(`${file}.br`) });
  if (existsSync(`${file}.gz`))
    variants.push({ encoding: 'gzip', body: readFileSync(`${file}.gz`) });
  variants.push({ encoding: null, body: readFileSync(file) });
  return variants;
}

function accepts(request: FastifyRequest, encoding: string): boolean {
  const header = request.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, q] = part.trim().split(';q=');
    return name === encoding && (q === undefined || Number(q) > 0);
  });
}

/**
 * Serves the console at /: its files from the build with @fastify/static (one route per file,
 * no wildcard, so /graphql and /health/* stay as they are), the brotli or gzip file built beside
 * each one when the browser accepts it, hashed assets cached for good and everything else
 * revalidated; and index.html for the console's own screen paths. Helmet's headers (the CSP)
 * apply to all of it.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const root = consoleRoot();
  if (!root) return;
  // Loaded only here: @fastify/static needs require(esm), which Jest's module runtime lacks.
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      void reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
  const variants = indexVariants(root);
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    const variant = variants.find((v) => v.encoding === null || accepts(request, v.encoding))!;
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .header('vary', 'accept-encoding');
    if (variant.encoding) void reply.header('content-encoding', variant.encoding);
    return reply.send(variant.body);
  };
  const fastify = app.getHttpAdapter().getInstance();
  for (const prefix of CONSOLE_ROUTE_PREFIXES) {
    fastify.get(prefix, sendIndex);
    fastify.get(`${prefix}/*`, sendIndex);
  }
}
