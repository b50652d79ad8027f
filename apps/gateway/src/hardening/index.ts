import type { ModuleMetadata, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OfficerRateLimitInterceptor } from './rate-limit/officer-rate-limit.interceptor';

export { hardenedApolloOptions, type HardenedApolloOptions } from './hardened-apollo-options';

/** Nest modules the hardening needs (ConfigModule is global; nothing else). */
export const hardeningModuleImports: NonNullable<ModuleMetadata['imports']> = [];

/** Per-officer rate limit, after GraphqlAuthGuard (interceptors run after every guard). */
export const hardeningProviders: Provider[] = [
  { provide: APP_INTERCEPTOR, useClass: OfficerRateLimitInterceptor },
];
