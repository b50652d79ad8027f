import { SignJWT, generateKeyPair } from 'jose';
import type { AppConfig } from '@simpul/config';
import { OidcTokenVerifier, ssoTokenId, ssoUsername } from './oidc-token.verifier';

describe('ssoUsername', () => {
  it('reads the configured claim of an access token', () => {
    expect(
      ssoUsername({ preferred_username: 'polda.ntt', typ: 'Bearer' }, 'preferred_username'),
    ).toBe('polda.ntt');
    expect(ssoUsername({ nip: ' 1987 ' }, 'nip')).toBe('1987');
  });

  it('refuses ID and refresh tokens, a missing or non-text claim, and absurd lengths', () => {
    expect(ssoUsername({ preferred_username: 'x', typ: 'ID' }, 'preferred_username')).toBeNull();
    expect(
      ssoUsername({ preferred_username: 'x', typ: 'Refresh' }, 'preferred_username'),
    ).toBeNull();
    expect(ssoUsername({}, 'preferred_username')).toBeNull();
    expect(ssoUsername({ preferred_username: 42 }, 'preferred_username')).toBeNull();
    expect(ssoUsername({ preferred_username: '  ' }, 'preferred_username')).toBeNull();
    expect(ssoUsername({ preferred_username: 'x'.repeat(201) }, 'preferred_username')).toBeNull();
  });
});

describe('ssoTokenId', () => {
  it('is a digest of issuer and jti, or of the token when there is no jti', () => {
    const id = ssoTokenId('https://sso', 'jti-1', 'a.b.c');
    expect(id).toMatch(/^oidc:[0-9a-f]{64}$/);
    expect(id).not.toContain('jti-1');
    expect(ssoTokenId('https://sso', 'jti-1', 'other.token')).toBe(id);
    expect(ssoTokenId('https://other', 'jti-1', 'a.b.c')).not.toBe(id);
    expect(ssoTokenId('https://sso', undefined, 'a.b.c')).not.toBe(
      ssoTokenId('https://sso', undefined, 'x.y.z'),
    );
  });
});

describe('OidcTokenVerifier', () => {
  // Signature, issuer, audience and expiry checks run against a served JWKS in
  // test/integration/identity-sso.integration-spec.ts.
  it('refuses everything when single sign-on is off', async () => {
    const verifier = new OidcTokenVerifier({ oidc: null } as AppConfig);
    expect(verifier.issuer).toBeNull();
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ preferred_username: 'polda.ntt' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://sso')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
