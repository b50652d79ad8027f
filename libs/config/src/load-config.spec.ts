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
      usernameFailures: 5,
      addressFailures: 20,
      windowSeconds: 900,
      lockSeconds: 900,
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
