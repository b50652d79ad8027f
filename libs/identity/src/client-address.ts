import type { RequestContext } from '@simpul/common';

/**
 * The caller's address for the sign-in lockout: the one the gateway resolved under TRUST_PROXY
 * for this HTTP request or WebSocket connection (never a header taken on trust).
 */
export function clientAddressOf(context: RequestContext<unknown>): string | undefined {
  const address = context.clientAddress;
  return typeof address === 'string' && address.length > 0 && address.length <= 100
    ? address
    : undefined;
}
