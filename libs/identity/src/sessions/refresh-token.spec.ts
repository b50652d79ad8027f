import { newRefreshToken, refreshTokenDigest } from './refresh-token';

describe('refresh tokens', () => {
  it('are 256-bit random base64url strings, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newRefreshToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as a hex SHA-256 digest that does not contain the token', () => {
    const token = newRefreshToken();
    const digest = refreshTokenDigest(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(refreshTokenDigest(token));
    expect(digest).not.toContain(token);
    expect(refreshTokenDigest(`${token}x`)).not.toBe(digest);
  });
});
