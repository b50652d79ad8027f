import { SignJWT } from 'jose';
import { dataSourceOf } from '../support/boot-in-process';
import { createTestOfficer } from '../support/create-test-officer';
import { dataOf, errorCode, graphqlRequest, signIn } from '../support/graphql-http';
import { JwksServer } from '../support/jwks-server';
import { listenSessionGateway, type SessionGateway } from '../support/listen-session-gateway';

const ME = '{ me { username roles unit { code } } }';

/**
 * Single sign-on beside local accounts: the gateway accepts RS256 access tokens of an agency's
 * OIDC provider (a JWKS served by the test on a loopback port stands in for Keycloak), mapped by
 * `preferred_username` to an existing, active officer, and still accepts its own login tokens.
 */
describe('single sign-on', () => {
  let jwks: JwksServer;
  let gateway: SessionGateway;
  let url: string;

  const me = (token: string) =>
    graphqlRequest<{ me: { username: string; roles: string[]; unit: { code: string } } }>(
      url,
      ME,
      {},
      { token },
    );

  beforeAll(async () => {
    jwks = await JwksServer.start();
    gateway = await listenSessionGateway(jwks.env);
    url = gateway.graphqlUrl;
  });

  afterAll(async () => {
    await gateway.app.close();
    await jwks.close();
  });

  it('accepts a token of the provider and maps it to the officer with that username', async () => {
    const result = await me(await jwks.token('polda.ntt'));
    expect(dataOf(result).me).toEqual({
      username: 'polda.ntt',
      roles: ['INVESTIGATOR'],
      unit: { code: 'POLDA-NTT' },
    });
  });

  it("still accepts Simpul's own login tokens", async () => {
    const { accessToken } = await signIn(url, 'kemlu.pwni');
    expect(dataOf(await me(accessToken)).me.username).toBe('kemlu.pwni');
  });

  it.each([
    ['another issuer', { issuer: 'https://sso.elsewhere.test/realms/tppo' }],
    ['another audience', { audience: 'some-other-client' }],
    ['an expired token', { expiresIn: -60 }],
    ['a key the provider does not publish', { foreignKey: true }],
    ['an ID token instead of an access token', { claims: { typ: 'ID' } }],
  ])('refuses %s', async (_what, options) => {
    const result = await me(await jwks.token('polda.ntt', options));
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toBe('Invalid or expired token');
  });

  it('refuses an HS256 token claiming the provider as issuer (algorithm confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ preferred_username: 'admin', typ: 'Bearer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(JwksServer.ISSUER)
      .setAudience(JwksServer.AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode('x'.repeat(64)));
    expect(errorCode(await me(forged))).toBe('UNAUTHENTICATED');
  });

  it('refuses a username that is no officer, and a deactivated officer', async () => {
    expect(errorCode(await me(await jwks.token('nobody.at.all')))).toBe('UNAUTHENTICATED');
    const officer = await createTestOfficer(gateway.app);
    const token = await jwks.token(officer.username);
    expect(dataOf(await me(token)).me.username).toBe(officer.username);
    await dataSourceOf(gateway.app).query('UPDATE officer SET active = false WHERE id = $1', [
      officer.id,
    ]);
    expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
  });

  it('revokes an SSO token at logout, though the provider would still honour it', async () => {
    const token = await jwks.token('uptdppa.ntt');
    expect(errorCode(await me(token))).toBeUndefined();
    expect(dataOf(await graphqlRequest(url, 'mutation { logout }', {}, { token }))).toEqual({
      logout: true,
    });
    expect(errorCode(await me(token))).toBe('UNAUTHENTICATED');
    // Another token of the same officer is unaffected.
    expect(errorCode(await me(await jwks.token('uptdppa.ntt')))).toBeUndefined();
  });

  it('refuses every SSO token when single sign-on is not configured', async () => {
    const plain = await listenSessionGateway();
    try {
      const result = await graphqlRequest(
        plain.graphqlUrl,
        ME,
        {},
        {
          token: await jwks.token('polda.ntt'),
        },
      );
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    } finally {
      await plain.app.close();
    }
  });
});
