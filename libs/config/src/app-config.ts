import type { TrustProxyConfig } from './client-address';
import type { LedgerConfig } from './ledger-config';
import type { DatabaseRolesConfig } from './database-roles';

export type SimpulEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  env: SimpulEnv;
  port: number;
  /** Which X-Forwarded-For entries name the client (TRUST_PROXY; off: none). */
  trustProxy: TrustProxyConfig;
  /** Timeouts of the gateway's HTTP server and its cap on connections per client address. */
  http: HttpServerConfig;
  /** DATABASE_URL: the schema owner's connection, for migrations and db:prepare only. */
  databaseUrl: string;
  /** The least-privilege roles gateway and worker connect as (ADR 0013). */
  database: DatabaseRolesConfig;
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
  /**
   * How long a dispatched outbox row may stay not done (counted from when its job is due) before
   * the relay re-drives it: what bounds the recovery from a Redis that lost its jobs.
   */
  outboxLeaseMs: number;
  /** Failed attempts (refused by BullMQ, or a job failed for good) after which a row is parked. */
  outboxParkAfterFailures: number;
  /** How long gateway and worker may take to shut down on SIGTERM/SIGINT before they force exit. */
  shutdownGraceMs: number;
  /** A case whose referrals were rejected or redirected more than this many times is ping-pong. */
  pingPongThreshold: number;
  /** How often the worker looks for cases that crossed the ping-pong threshold. */
  pingPongSweepMs: number;
  /**
   * How far the clock of deadlines and escalation runs ahead of the system clock
   * (SIMPUL_CLOCK_OFFSET or SIMPUL_CLOCK_AT; development and test only, always 0 in production).
   */
  clockOffsetMs: number;
  /** How often the worker rebuilds escalation timers from PostgreSQL and fires those due. */
  timerSweepMs: number;
  /** Ledger checkpoints: the signing key, retired public keys and how often to sign. */
  ledger: LedgerConfig;
  /** Email, webhooks and the links they carry (libs/notification). */
  notifications: NotificationConfig;
  /** Prometheus metrics and Bull Board (README, "Operating"). */
  operators: OperatorsConfig;
}

/** README, "Notifications, email and webhooks". */
export interface NotificationConfig {
  /** The console's address as officers reach it: notifications, emails and webhooks link to it. */
  publicUrl: string;
  /** Email: through SMTP (SMTP_URL), into .eml files in a folder (MAIL_DIR), or off (null). */
  mail: { kind: 'smtp'; url: string } | { kind: 'folder'; dir: string } | null;
  mailFrom: string;
  /**
   * Webhook URLs may point at loopback, link-local and unspecified addresses (development and
   * tests only: in production it would let an ADMIN aim the hub at itself or a metadata service).
   */
  webhookAllowPrivateTargets: boolean;
  /** A receiver that has not answered within this is a failed attempt. */
  webhookTimeoutMs: number;
  /** First retry delay of a failed webhook delivery; each next one doubles. */
  webhookRetryBaseMs: number;
}

/** README, "Operating". */
export interface OperatorsConfig {
  /** Bearer token that /metrics requires; null: /metrics answers loopback clients only. */
  metricsToken: string | null;
  /** The worker's own /metrics port (0 = off), bound to metricsHost. */
  workerMetricsPort: number;
  metricsHost: string;
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

/**
 * Failed sign-ins counted in PostgreSQL (docs/security.md, "Login lockout"); a count of 0 turns
 * that limit off.
 */
export interface LoginLockoutConfig {
  /** Failures of one username from one client address within the window that lock that pair. */
  pairFailures: number;
  /** Failures from one client address, whatever the usernames, that lock the address (spraying). */
  addressFailures: number;
  /**
   * Failures of one username from all addresses after which it is slowed from addresses it never
   * signed in from: each further failure locks it for 5, 10, 20 … seconds.
   */
  usernameFailures: number;
  /** The longest of those growing locks of a username. */
  usernameMaxDelaySeconds: number;
  windowSeconds: number;
  /** How long a pair or an address lock lasts. */
  lockSeconds: number;
  /**
   * For how many days after a successful sign-in a username and address pair counts as known:
   * neither an address lock nor a username slow-down applies to it (0 = no pair is known).
   */
  knownPairDays: number;
}

/** Node's HTTP server settings (docs/security.md, "Slow clients"). */
export interface HttpServerConfig {
  /** A socket with no traffic either way for this long is closed (slow readers included). */
  connectionTimeoutMs: number;
  /** The complete request headers must arrive within this. */
  headersTimeoutMs: number;
  /** The complete request (headers and body) must arrive within this; not WebSockets. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the header and request timeouts (derived from headersTimeoutMs). */
  connectionsCheckingIntervalMs: number;
  /** Open connections (HTTP and WebSocket) per client address; 0 = no cap. */
  maxConnectionsPerAddress: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
