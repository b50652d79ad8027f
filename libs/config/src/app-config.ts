export type SimpulEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  env: SimpulEnv;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key and pub/sub channel Simpul uses (one per test run). */
  redisPrefix: string;
  /** HMAC secret that signs Simpul's own access tokens. */
  tokenSecret: string;
  /** Lifetime of Simpul's own access tokens (at most 15 minutes). */
  tokenTtlSeconds: number;
  /** Lifetime of a sign-in session: no refresh token of a login outlives it. */
  refreshTtlSeconds: number;
  /** Single sign-on through an external OpenID Connect provider; null when SSO is off. */
  oidc: OidcConfig | null;
  loginLockout: LoginLockoutConfig;
  /** How often an open WebSocket re-checks that its token is neither revoked nor its officer deactivated. */
  wsSessionCheckMs: number;
  demoPassword: string;
  /** Load the demo cast of docs/architecture.md (never in production). */
  seedDemo: boolean;
  logLevel: string;
  rateLimitOfficerRpm: number;
  rateLimitAddressRpm: number;
  /** GraphQL operation limits, checked before execution (apps/gateway/src/hardening). */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxDirectives: number;
  graphqlMaxTokens: number;
  graphqlMaxCost: number;
  /** How often the worker sweeps the outbox for rows a nudge missed. */
  outboxSweepMs: number;
}

export interface OidcConfig {
  /** Expected `iss` of the provider's access tokens (e.g. https://sso.example/realms/simpul). */
  issuer: string;
  /** Expected `aud` (Keycloak: the client id, or an audience mapper's value). */
  audience: string;
  /** Where the provider publishes its signing keys (JWKS). */
  jwksUrl: string;
  /** Claim that carries the officer's Simpul username. */
  usernameClaim: string;
}

/** Failed sign-ins counted in PostgreSQL; a count of 0 turns that limit off. */
export interface LoginLockoutConfig {
  /** Failures per username within the window that lock the username. */
  usernameFailures: number;
  /** Failures per client address within the window that lock the address. */
  addressFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
