import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import {
  keyIdOf,
  privateKeyFrom,
  publicKeyFromRaw,
  rawPublicKey,
  type PublishedKeys,
} from '@simpul/ledger-format';

/**
 * The hub's Ed25519 checkpoint key (LEDGER_SIGNING_KEY) and the public keys of keys it signed
 * with before (LEDGER_RETIRED_PUBLIC_KEYS). Published at /.well-known/simpul-ledger-keys.json in
 * the form the offline verifier's --keys takes, so a rotation keeps old checkpoints verifiable.
 */
@Injectable()
export class LedgerSigningKeys {
  readonly privateKey: KeyObject;
  readonly keyId: string;
  private readonly published: PublishedKeys;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = privateKeyFrom(config.ledger.signingKey);
    const publicKey = createPublicKey(this.privateKey);
    this.keyId = keyIdOf(publicKey);
    const retired = config.ledger.retiredPublicKeys
      .map((raw) => publicKeyFromRaw(raw))
      .filter((key) => keyIdOf(key) !== this.keyId);
    this.published = {
      keys: [
        {
          keyId: this.keyId,
          algorithm: 'Ed25519',
          publicKey: rawPublicKey(publicKey).toString('base64'),
          status: 'current',
        },
        ...retired.map((key) => ({
          keyId: keyIdOf(key),
          algorithm: 'Ed25519' as const,
          publicKey: rawPublicKey(key).toString('base64'),
          status: 'retired' as const,
        })),
      ],
    };
  }

  /** /.well-known/simpul-ledger-keys.json */
  publishedKeys(): PublishedKeys {
    return this.published;
  }
}
