import type { ApolloServerPlugin } from './apollo-plugin';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { AppConfig } from '@simpul/config';
import { earlyRefusalPlugin } from './early-refusal';
import { hideFieldSuggestionsPlugin } from './hide-field-suggestions.plugin';
import { inputValuesPlugin } from './input-values.plugin';
import { maxTokensPlugin } from './max-tokens.plugin';
import { queryLimitRules } from './query-limits';
import { addressRateLimitPlugin } from './rate-limit/address-rate-limit.plugin';

export interface HardenedApolloOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * What the gateway adds to its Apollo options: operation limits (tokens before parsing; depth,
 * aliases, directives and cost while validating), the per-address rate limit, the check of every
 * argument value before execution (input-values.ts) and, in production, no introspection (also
 * refused here, in case `introspection` is ever left on) and no field suggestions.
 */
export function hardenedApolloOptions(config: AppConfig): HardenedApolloOptions {
  const production = config.env === 'production';
  return {
    plugins: [
      earlyRefusalPlugin,
      addressRateLimitPlugin(config),
      maxTokensPlugin(config.graphqlMaxTokens),
      inputValuesPlugin,
      ...(production ? [hideFieldSuggestionsPlugin] : []),
    ],
    validationRules: hardenedValidationRules(config),
  };
}

/** The validation rules alone, for WebSocket operations (subscription-validate.ts). */
export function hardenedValidationRules(config: AppConfig): ValidationRule[] {
  return [
    ...queryLimitRules(config),
    ...(config.env === 'production' ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}
