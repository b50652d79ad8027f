import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@simpul/common';
import type { Actor } from './actor';
import { TokenService } from './token.service';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Turns an `Authorization` value into an Actor. Used by the GraphQL guard for HTTP operations and
 * by the gateway's graphql-ws `onConnect` (connection_init `authorization`).
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(private readonly tokens: TokenService) {}

  async authenticateBearer(header: string | undefined): Promise<Actor> {
    const match = header ? BEARER.exec(header) : null;
    if (!match) throw unauthenticated();
    return this.tokens.verify(match[1]);
  }
}
