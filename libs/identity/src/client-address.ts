import type { RequestContext } from '@simpul/common';

/**
 * The caller's address for the sign-in lockout: Fastify's `request.ip`, which honours
 * X-Forwarded-For from the trusted proxy (the gateway runs with trustProxy). Undefined over a
 * WebSocket, which only a signed-in officer can open.
 */
export function clientAddressOf(context: RequestContext<unknown>): string | undefined {
  const ip = context.req?.ip;
  return typeof ip === 'string' && ip.length > 0 && ip.length <= 100 ? ip : undefined;
}
