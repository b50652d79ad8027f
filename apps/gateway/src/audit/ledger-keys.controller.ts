import { Controller, Get, Header } from '@nestjs/common';
import { LedgerSigningKeys, type PublishedKeys } from '@simpul/ledger';

/**
 * GET /.well-known/simpul-ledger-keys.json — public: the checkpoint keys, current and retired, in
 * the form `simpul-verify --keys` reads. Public keys only; anyone may hold them.
 */
@Controller('.well-known')
export class LedgerKeysController {
  constructor(private readonly keys: LedgerSigningKeys) {}

  @Get('simpul-ledger-keys.json')
  @Header('cache-control', 'public, max-age=300')
  publishedKeys(): PublishedKeys {
    return this.keys.publishedKeys();
  }
}
