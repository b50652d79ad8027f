import { DomainError, ErrorCode } from '@simpul/common';
import { AccessTokenAuthenticator } from './access-token.authenticator';
import type { Actor } from './actor';
import { Role } from './role';
import type { TokenService } from './token.service';

const actor: Actor = {
  officerId: 'o',
  username: 'polda.ntt',
  unitId: 'u',
  agencyId: 'a',
  roles: [Role.INVESTIGATOR],
};

// Accepts exactly one token, so the test shows which part of the header reached verification.
const tokens = {
  verify: async (token: string) => {
    if (token !== 'good.token.here') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'bad');
    return actor;
  },
} as unknown as TokenService;

const authenticator = new AccessTokenAuthenticator(tokens);

describe('authenticateBearer', () => {
  it('accepts "Bearer <token>" with any casing of the scheme', async () => {
    await expect(authenticator.authenticateBearer('Bearer good.token.here')).resolves.toBe(actor);
    await expect(authenticator.authenticateBearer('bearer  good.token.here ')).resolves.toBe(actor);
  });

  it.each([undefined, '', 'good.token.here', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b'])(
    'refuses %p as UNAUTHENTICATED',
    async (header) => {
      await expect(authenticator.authenticateBearer(header)).rejects.toMatchObject({
        code: ErrorCode.UNAUTHENTICATED,
      });
    },
  );
});
