import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

/** A complete environment that needs no generated key files. */
const base = { SIMPUL_ENV: 'test', TOKEN_SECRET: 'x'.repeat(48) };

const SSO = {
  OIDC_ISSUER: 'https://sso.example.go.id/realms/simpul',
  OIDC_AUDIENCE: 'simpul',
  OIDC_JWKS_URL: 'https://sso.example.go.id/realms/simpul/protocol/openid-connect/certs',
};

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: sessions', () => {
  it('defaults to 15-minute access tokens, 12-hour sessions and a 15 s WebSocket check', () => {
    const config = loadConfig(base);
    expect(config.tokenTtlSeconds).toBe(900);
    expect(config.refreshTtlSeconds).toBe(43_200);
    expect(config.wsSessionCheckMs).toBe(15_000);
    expect(config.loginLockout).toEqual({
      pairFailures: 5,
      addressFailures: 20,
      usernameFailures: 30,
      usernameMaxDelaySeconds: 60,
      windowSeconds: 900,
      lockSeconds: 900,
      knownPairDays: 30,
    });
  });

  it('refuses access tokens that live longer than 15 minutes', () => {
    const error = configErrorOf({ TOKEN_TTL_SECONDS: '901' });
    expect(error.variable).toBe('TOKEN_TTL_SECONDS');
    expect(error.message).toMatch(/^Configuration error: TOKEN_TTL_SECONDS .*60 to 900/);
  });

  it('lets a lockout limit be turned off with 0', () => {
    const config = loadConfig({ ...base, LOGIN_LOCKOUT_ADDRESS_FAILURES: '0' });
    expect(config.loginLockout.addressFailures).toBe(0);
  });
});

describe('loadConfig: single sign-on', () => {
  it('is off when no OIDC variable is set', () => {
    expect(loadConfig(base).oidc).toBeNull();
  });

  it('is on when issuer, audience and JWKS URL are set, with preferred_username by default', () => {
    expect(loadConfig({ ...base, ...SSO }).oidc).toEqual({
      issuer: SSO.OIDC_ISSUER,
      audience: 'simpul',
      jwksUrl: SSO.OIDC_JWKS_URL,
      usernameClaim: 'preferred_username',
    });
    const custom = loadConfig({ ...base, ...SSO, OIDC_USERNAME_CLAIM: 'nip' });
    expect(custom.oidc?.usernameClaim).toBe('nip');
  });

  it.each(['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'] as const)(
    'names %s when it alone is missing',
    (missing) => {
      const env: Record<string, string> = { ...SSO };
      delete env[missing];
      const error = configErrorOf(env);
      expect(error.variable).toBe(missing);
      expect(error.message).toContain(`${missing} is required`);
      expect(error.message.split('\n')).toHaveLength(1);
    },
  );

  it('names the issuer when only the username claim is set', () => {
    expect(configErrorOf({ OIDC_USERNAME_CLAIM: 'preferred_username' }).variable).toBe(
      'OIDC_ISSUER',
    );
  });

  it('wants the JWKS over HTTPS in production, and never Simpul’s own issuer', () => {
    const plain = { ...SSO, OIDC_JWKS_URL: 'http://keycloak:8080/certs' };
    expect(loadConfig({ ...base, ...plain }).oidc?.jwksUrl).toBe(plain.OIDC_JWKS_URL);
    expect(configErrorOf({ ...plain, SIMPUL_ENV: 'production' }).variable).toBe('OIDC_JWKS_URL');
    expect(configErrorOf({ ...SSO, OIDC_ISSUER: 'simpul' }).variable).toBe('OIDC_ISSUER');
    expect(configErrorOf({ ...SSO, OIDC_JWKS_URL: 'not a url' }).variable).toBe('OIDC_JWKS_URL');
  });
});

describe('loadConfig: outbox and shutdown', () => {
  it('defaults to a 60 s lease, parking after 5 failures and a 10 s shutdown grace', () => {
    const config = loadConfig(base);
    expect(config.outboxLeaseMs).toBe(60_000);
    expect(config.outboxParkAfterFailures).toBe(5);
    expect(config.shutdownGraceMs).toBe(10_000);
  });

  it('takes them from the environment and names a bad one', () => {
    const config = loadConfig({
      ...base,
      OUTBOX_LEASE_MS: '2000',
      OUTBOX_PARK_AFTER_FAILURES: '3',
      SHUTDOWN_GRACE_MS: '4000',
    });
    expect([config.outboxLeaseMs, config.outboxParkAfterFailures, config.shutdownGraceMs]).toEqual([
      2000, 3, 4000,
    ]);
    expect(configErrorOf({ OUTBOX_LEASE_MS: '10' }).variable).toBe('OUTBOX_LEASE_MS');
    expect(configErrorOf({ OUTBOX_PARK_AFTER_FAILURES: '0' }).variable).toBe(
      'OUTBOX_PARK_AFTER_FAILURES',
    );
    expect(configErrorOf({ SHUTDOWN_GRACE_MS: 'soon' }).variable).toBe('SHUTDOWN_GRACE_MS');
  });
});

describe('loadConfig: client addresses and slow clients', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig(base).trustProxy).toEqual({ kind: 'off' });
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(configErrorOf({ TRUST_PROXY: 'yes please' }).variable).toBe('TRUST_PROXY');
  });

  it('cuts headers after 10 s, checked every second, and caps connections per address', () => {
    expect(loadConfig(base).http).toEqual({
      connectionTimeoutMs: 60_000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5000,
      connectionsCheckingIntervalMs: 1000,
      maxConnectionsPerAddress: 200,
    });
    const short = loadConfig({ ...base, HTTP_HEADERS_TIMEOUT_MS: '1500' }).http;
    expect(short.connectionsCheckingIntervalMs).toBe(375);
  });

  it.each([
    ['HTTP_HEADERS_TIMEOUT_MS', '15s'],
    ['HTTP_REQUEST_TIMEOUT_MS', '0'],
    ['HTTP_KEEPALIVE_TIMEOUT_MS', '-5'],
    ['HTTP_CONNECTION_TIMEOUT_MS', '10'],
    ['MAX_CONNECTIONS_PER_ADDRESS', 'lots'],
  ])('refuses %s=%s with one line naming it', (variable, value) => {
    const error = configErrorOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('wants the headers timeout within the request timeout', () => {
    const error = configErrorOf({
      HTTP_HEADERS_TIMEOUT_MS: '20000',
      HTTP_REQUEST_TIMEOUT_MS: '5000',
    });
    expect(error.variable).toBe('HTTP_HEADERS_TIMEOUT_MS');
    expect(error.message).toContain('HTTP_REQUEST_TIMEOUT_MS');
  });

  it('validates the lockout numbers', () => {
    expect(configErrorOf({ LOGIN_LOCKOUT_PAIR_FAILURES: 'x' }).variable).toBe(
      'LOGIN_LOCKOUT_PAIR_FAILURES',
    );
    expect(configErrorOf({ LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS: '0' }).variable).toBe(
      'LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS',
    );
  });
});

describe('loadConfig: the clock of deadlines and escalation', () => {
  it('runs on the system clock unless SIMPUL_CLOCK_OFFSET moves it, and sweeps timers every minute', () => {
    expect(loadConfig(base).clockOffsetMs).toBe(0);
    expect(loadConfig(base).timerSweepMs).toBe(60_000);
    expect(loadConfig({ ...base, SIMPUL_CLOCK_OFFSET: '3d' }).clockOffsetMs).toBe(3 * 86_400_000);
    expect(loadConfig({ ...base, SIMPUL_CLOCK_OFFSET: '36h' }).clockOffsetMs).toBe(36 * 3_600_000);
    expect(loadConfig({ ...base, SIMPUL_CLOCK_OFFSET: '-90m' }).clockOffsetMs).toBe(-90 * 60_000);
  });

  it('starts the clock at SIMPUL_CLOCK_AT', () => {
    const offset = loadConfig({ ...base, SIMPUL_CLOCK_AT: '2026-12-22T10:00+08:00' }).clockOffsetMs;
    expect(Math.abs(Date.now() + offset - Date.parse('2026-12-22T02:00:00Z'))).toBeLessThan(1000);
    expect(configErrorOf({ SIMPUL_CLOCK_AT: '22/12/2026' }).variable).toBe('SIMPUL_CLOCK_AT');
    expect(configErrorOf({ SIMPUL_CLOCK_AT: '2026-12-22T10:00' }).variable).toBe('SIMPUL_CLOCK_AT');
    expect(
      configErrorOf({ SIMPUL_ENV: 'production', SIMPUL_CLOCK_AT: '2026-12-22T10:00Z' }).variable,
    ).toBe('SIMPUL_CLOCK_AT');
  });

  it('refuses an offset it cannot read, and any offset in production', () => {
    expect(configErrorOf({ SIMPUL_CLOCK_OFFSET: 'tomorrow' }).variable).toBe('SIMPUL_CLOCK_OFFSET');
    expect(configErrorOf({ SIMPUL_CLOCK_OFFSET: '3 days' }).variable).toBe('SIMPUL_CLOCK_OFFSET');
    const production = configErrorOf({ SIMPUL_ENV: 'production', SIMPUL_CLOCK_OFFSET: '1d' });
    expect(production.variable).toBe('SIMPUL_CLOCK_OFFSET');
  });
});
