import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SsoTokenOptions {
  issuer?: string;
  audience?: string | string[];
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with a key that is not in the JWKS. */
  foreignKey?: boolean;
  claims?: Record<string, unknown>;
}

/**
 * A stand-in for an agency's Keycloak: an RS256 key pair whose public half is served as a JWKS
 * over HTTP on a loopback port, and a signer for access tokens shaped like Keycloak's.
 */
export class JwksServer {
  static readonly ISSUER = 'https://sso.simpul.test/realms/tppo';
  static readonly AUDIENCE = 'simpul-gateway';

  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    private readonly foreignKey: CryptoKey,
    readonly jwksUrl: string,
    readonly kid: string,
  ) {}

  static async start(): Promise<JwksServer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const foreign = await generateKeyPair('RS256');
    const kid = randomUUID();
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const body = JSON.stringify({ keys: [jwk] });
    const server = createServer((request, response) => {
      if (request.url === '/realms/tppo/protocol/openid-connect/certs') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    const url = `http://127.0.0.1:${port}/realms/tppo/protocol/openid-connect/certs`;
    return new JwksServer(server, privateKey, foreign.privateKey, url, kid);
  }

  /** The gateway's environment for single sign-on against this server. */
  get env(): Record<string, string> {
    return {
      OIDC_ISSUER: JwksServer.ISSUER,
      OIDC_AUDIENCE: JwksServer.AUDIENCE,
      OIDC_JWKS_URL: this.jwksUrl,
    };
  }

  /** An access token for `username` (claim preferred_username, like Keycloak's). */
  async token(username: string, options: SsoTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      typ: 'Bearer',
      preferred_username: username,
      azp: JwksServer.AUDIENCE,
      ...options.claims,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setIssuer(options.issuer ?? JwksServer.ISSUER)
      .setAudience(options.audience ?? JwksServer.AUDIENCE)
      .setSubject(randomUUID())
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .setJti(randomUUID())
      .sign(options.foreignKey ? this.foreignKey : this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
