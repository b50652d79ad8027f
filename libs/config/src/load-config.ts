import { ConfigError } from './config-error';
import { keysDirectory, secret } from './secret';
import { join } from 'node:path';
import type {
  AppConfig,
  HttpServerConfig,
  LoginLockoutConfig,
  NotificationConfig,
  OidcConfig,
  OperatorsConfig,
  SimpulEnv,
} from './app-config';
import { parseTrustProxy } from './client-address';
import { ledgerConfig } from './ledger-config';
import { databaseRoles } from './database-roles';

type Env = Record<string, string | undefined>;

const ENVS: readonly SimpulEnv[] = ['development', 'test', 'production'];

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got '${raw}')`);
  }
  return raw as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got '${raw}')`);
  }
  return value;
}

function url(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (got something that does not parse)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** The issuer of Simpul's own tokens: an SSO provider may not claim it. */
const OWN_TOKEN_ISSUER = 'simpul';

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'] as const;

/**
 * Single sign-on is off when none of OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL is set, on when all
 * three are; anything in between is a mistake that names the first missing variable.
 */
function oidc(env: Env, simpulEnv: SimpulEnv): OidcConfig | null {
  const value = (name: string) => env[name]?.trim() || undefined;
  const present = OIDC_REQUIRED.filter((name) => value(name) !== undefined);
  if (present.length === 0) {
    if (value('OIDC_USERNAME_CLAIM')) {
      throw new ConfigError(
        'OIDC_ISSUER',
        'is required when OIDC_USERNAME_CLAIM is set (single sign-on needs OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL)',
      );
    }
    return null;
  }
  const missing = OIDC_REQUIRED.find((name) => value(name) === undefined);
  if (missing) {
    throw new ConfigError(
      missing,
      `is required when ${present.join(' and ')} ${present.length > 1 ? 'are' : 'is'} set (single sign-on needs OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL)`,
    );
  }
  const issuer = value('OIDC_ISSUER') as string;
  if (issuer === OWN_TOKEN_ISSUER) {
    throw new ConfigError('OIDC_ISSUER', `must not be '${OWN_TOKEN_ISSUER}' (Simpul's own issuer)`);
  }
  // Signing keys fetched over plain HTTP could be swapped on the way: production wants HTTPS.
  const jwksProtocols = simpulEnv === 'production' ? ['https:'] : ['https:', 'http:'];
  const usernameClaim = value('OIDC_USERNAME_CLAIM') ?? 'preferred_username';
  return {
    issuer,
    audience: value('OIDC_AUDIENCE') as string,
    jwksUrl: url(env, 'OIDC_JWKS_URL', '', jwksProtocols),
    usernameClaim,
  };
}

function loginLockout(env: Env): LoginLockoutConfig {
  return {
    pairFailures: integer(env, 'LOGIN_LOCKOUT_PAIR_FAILURES', 5, 0, 1000),
    addressFailures: integer(env, 'LOGIN_LOCKOUT_ADDRESS_FAILURES', 20, 0, 100_000),
    usernameFailures: integer(env, 'LOGIN_LOCKOUT_USERNAME_FAILURES', 30, 0, 100_000),
    usernameMaxDelaySeconds: integer(env, 'LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS', 60, 1, 3600),
    windowSeconds: integer(env, 'LOGIN_LOCKOUT_WINDOW_SECONDS', 900, 1, 86_400),
    lockSeconds: integer(env, 'LOGIN_LOCKOUT_SECONDS', 900, 1, 86_400),
    knownPairDays: integer(env, 'LOGIN_LOCKOUT_KNOWN_PAIR_DAYS', 30, 0, 365),
  };
}

/**
 * Timeouts that cut slow clients (a trickle of header lines, a body sent a byte at a time, a
 * response never read) well before Node's defaults would, and the cap on connections per address.
 */
function httpServer(env: Env): HttpServerConfig {
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 120_000);
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    // Node refuses it too, with a stack instead of a line.
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs}; got '${headersTimeoutMs}')`,
    );
  }
  return {
    connectionTimeoutMs: integer(env, 'HTTP_CONNECTION_TIMEOUT_MS', 60_000, 1000, 3_600_000),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEPALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    // Node checks both timeouts only this often (default 30 s): a quarter of the header timeout,
    // at most a second, keeps "closed within the header timeout" true to within a second.
    connectionsCheckingIntervalMs: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    maxConnectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', 200, 0, 1_000_000),
  };
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return false;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  throw new ConfigError(name, `must be true or false (got '${raw.slice(0, 20)}')`);
}

/**
 * Email goes through SMTP_URL when set; else into MAIL_DIR as .eml files; else, outside
 * production, into `.simpul/mail` (beside the generated keys); in production without either, off.
 */
function notifications(
  env: Env,
  simpulEnv: SimpulEnv,
  port: number,
  keysDir: string,
): NotificationConfig {
  const smtp = env.SMTP_URL?.trim();
  const dir = env.MAIL_DIR?.trim();
  const allowPrivate = flag(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS');
  if (allowPrivate && simpulEnv === 'production') {
    throw new ConfigError('WEBHOOK_ALLOW_PRIVATE_TARGETS', 'must not be true in production');
  }
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['https:', 'http:']);
  return {
    publicUrl: publicUrl.replace(/\/+$/, ''),
    mail: smtp
      ? { kind: 'smtp', url: url(env, 'SMTP_URL', '', ['smtp:', 'smtps:']) }
      : dir
        ? { kind: 'folder', dir }
        : simpulEnv === 'production'
          ? null
          : { kind: 'folder', dir: join(keysDir, 'mail') },
    mailFrom: env.MAIL_FROM?.trim() || 'Simpul <no-reply@simpul.invalid>',
    webhookAllowPrivateTargets: allowPrivate,
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    webhookRetryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000),
  };
}

function operators(env: Env, simpulEnv: SimpulEnv): OperatorsConfig {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 32) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 32 characters');
  }
  return {
    metricsToken: token,
    // Tests run several workers side by side: no fixed port unless asked for.
    workerMetricsPort: integer(
      env,
      'WORKER_METRICS_PORT',
      simpulEnv === 'test' ? 0 : 9464,
      0,
      65535,
    ),
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
  };
}

const OFFSET_UNITS_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/**
 * SIMPUL_CLOCK_OFFSET: a whole number of days, hours or minutes (`3d`, `36h`, `-90m`) the clock of
 * deadlines and escalation runs ahead of the system clock — how the README walks a referral up
 * the escalation ladder without waiting days. SIMPUL_CLOCK_AT instead sets the clock to read an
 * instant at start (`2026-12-22T10:00+08:00`) and run on from there. Both refused in production.
 */
function clockOffset(env: Env, simpulEnv: SimpulEnv): number {
  const at = env.SIMPUL_CLOCK_AT?.trim();
  if (at) {
    if (simpulEnv === 'production') {
      throw new ConfigError('SIMPUL_CLOCK_AT', 'must not be set in production');
    }
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(
      at,
    )
      ? Date.parse(at)
      : Number.NaN;
    if (Number.isNaN(instant)) {
      throw new ConfigError(
        'SIMPUL_CLOCK_AT',
        `must be an instant with its zone such as 2026-12-22T10:00+08:00 (got '${at}')`,
      );
    }
    return instant - Date.now();
  }
  const raw = env.SIMPUL_CLOCK_OFFSET?.trim();
  if (!raw) return 0;
  if (simpulEnv === 'production') {
    throw new ConfigError('SIMPUL_CLOCK_OFFSET', 'must not be set in production');
  }
  const match = /^(-?\d{1,6})([dhm])$/.exec(raw);
  if (!match) {
    throw new ConfigError(
      'SIMPUL_CLOCK_OFFSET',
      `must be a whole number of days, hours or minutes such as 3d, 36h or -90m (got '${raw}')`,
    );
  }
  return Number(match[1]) * OFFSET_UNITS_MS[match[2]];
}

export function loadConfig(env: Env = process.env): AppConfig {
  const simpulEnv = oneOf(env, 'SIMPUL_ENV', ENVS, 'development');
  const keysDir = keysDirectory(env);
  const demoPassword = env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/simpul', [
    'postgres:',
    'postgresql:',
  ]);
  return {
    env: simpulEnv,
    port,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    http: httpServer(env),
    databaseUrl,
    database: databaseRoles(env, databaseUrl),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX || 'simpul',
    tokenSecret: secret(env, 'TOKEN_SECRET', simpulEnv, keysDir),
    // Access tokens are short-lived by policy; sessions continue through refreshSession.
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 900, 60, 900),
    refreshTtlSeconds: integer(env, 'REFRESH_TTL_SECONDS', 43_200, 300, 604_800),
    oidc: oidc(env, simpulEnv),
    loginLockout: loginLockout(env),
    wsSessionCheckMs: integer(env, 'WS_SESSION_CHECK_MS', 15_000, 50, 3_600_000),
    demoPassword,
    seedDemo: simpulEnv !== 'production',
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    rateLimitOfficerRpm: integer(env, 'RATE_LIMIT_OFFICER_RPM', 600, 0, 1_000_000),
    rateLimitAddressRpm: integer(env, 'RATE_LIMIT_ADDRESS_RPM', 1200, 0, 1_000_000),
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8, 1, 64),
    graphqlMaxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
    graphqlMaxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 1, 1000),
    graphqlMaxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
    graphqlMaxCost: integer(env, 'GRAPHQL_MAX_COST', 5000, 100, 10_000_000),
    outboxSweepMs: integer(env, 'OUTBOX_SWEEP_MS', 5000, 100, 3_600_000),
    outboxLeaseMs: integer(env, 'OUTBOX_LEASE_MS', 60_000, 500, 86_400_000),
    outboxParkAfterFailures: integer(env, 'OUTBOX_PARK_AFTER_FAILURES', 5, 1, 1000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 1000, 600_000),
    notifications: notifications(env, simpulEnv, port, keysDir),
    operators: operators(env, simpulEnv),
    pingPongThreshold: integer(env, 'PING_PONG_THRESHOLD', 3, 1, 100),
    pingPongSweepMs: integer(env, 'PING_PONG_SWEEP_MS', 30_000, 100, 86_400_000),
    clockOffsetMs: clockOffset(env, simpulEnv),
    timerSweepMs: integer(env, 'TIMER_SWEEP_MS', 60_000, 100, 3_600_000),
    ledger: ledgerConfig(env, simpulEnv, keysDir),
  };
}
