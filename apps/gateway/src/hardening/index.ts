import type { Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OfficerRateLimitInterceptor } from './rate-limit/officer-rate-limit.interceptor';

export { hardenedApolloOptions, type HardenedApolloOptions } from './hardened-apollo-options';
export { hardenedSubscriptionOptions } from './subscription-validate';

/** Per-officer rate limit, after GraphqlAuthGuard (interceptors run after every guard). */
export const hardeningProviders: Provider[] = [
  { provide: APP_INTERCEPTOR, useClass: OfficerRateLimitInterceptor },
];
