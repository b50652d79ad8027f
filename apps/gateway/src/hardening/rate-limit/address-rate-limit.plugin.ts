import type { ApolloServerPlugin } from '../apollo-plugin';
import type { RequestContext } from '@simpul/common';
import { addressBucket, type AppConfig } from '@simpul/config';
import { addressRateLimited, retryAfterOf } from './rate-limited';
import { RateLimiter } from './rate-limiter';

/**
 * Requests per minute per client address (RATE_LIMIT_ADDRESS_RPM, 0 = off), counted when a request
 * starts — before parsing, authentication or anything else — so malformed requests, requests with
 * bad tokens and login attempts all count. The address is the context's `clientAddress` (the
 * socket's peer, or X-Forwarded-For as far as TRUST_PROXY allows), an IPv6 address counted by its
 * /64. A refused request is answered HTTP 429 with Retry-After.
 *
 * Also adds `Retry-After` to the HTTP response of an operation the per-officer interceptor refused.
 * The Redis connection lives as long as the Apollo server.
 */
export function addressRateLimitPlugin(config: AppConfig): ApolloServerPlugin {
  let limiter: RateLimiter | undefined;
  return {
    async serverWillStart() {
      if (config.rateLimitAddressRpm > 0) limiter = RateLimiter.connect(config);
      return {
        async serverWillStop() {
          await limiter?.close();
          limiter = undefined;
        },
      };
    },
    async requestDidStart({ contextValue }) {
      const address = (contextValue as RequestContext).clientAddress;
      if (limiter && address) {
        const decision = await limiter.consume(
          'address',
          addressBucket(address),
          config.rateLimitAddressRpm,
        );
        // Thrown before parsing: see early-refusal.ts for how this becomes the response.
        if (!decision.admitted) throw addressRateLimited(decision.retryAfterSeconds);
      }
      return {
        async willSendResponse({ contextValue: context, response }) {
          const seconds = retryAfterOf(context as RequestContext);
          if (seconds !== undefined) response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
