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
  tokenTtlSeconds: number;
  demoPassword: string;
  /** Load the demo cast of DESIGN.md (never in production). */
  seedDemo: boolean;
  logLevel: string;
  rateLimitOfficerRpm: number;
  rateLimitAddressRpm: number;
  /** How often the worker sweeps the outbox for rows a nudge missed. */
  outboxSweepMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
