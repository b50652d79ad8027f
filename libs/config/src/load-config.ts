import { ConfigError } from './config-error';
import { keysDirectory, secret } from './secret';
import type { AppConfig, SimpulEnv } from './app-config';

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

export function loadConfig(env: Env = process.env): AppConfig {
  const simpulEnv = oneOf(env, 'SIMPUL_ENV', ENVS, 'development');
  const keysDir = keysDirectory(env);
  const demoPassword = env.SIMPUL_DEMO_PASSWORD || 'simpul-demo';
  return {
    env: simpulEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/simpul', [
      'postgres:',
      'postgresql:',
    ]),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX || 'simpul',
    tokenSecret: secret(env, 'TOKEN_SECRET', simpulEnv, keysDir),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 900, 60, 86400),
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
    outboxSweepMs: integer(env, 'OUTBOX_SWEEP_MS', 5000, 100, 3_600_000),
  };
}
