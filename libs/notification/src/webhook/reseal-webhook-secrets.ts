import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
import { PersonalDataCipher } from '@simpul/privacy';

const BATCH = 200;

/**
 * Key rotation of the webhook secrets, which are sealed with the PII_KEYS key ring too: re-seals
 * every endpoint's secret that is not under the active key, in small transactions (re-runnable,
 * beside a live system). Without it, dropping an old key after `npm run pii:rotate` left every
 * endpoint made before the rotation with a secret no key opens — each of its deliveries failed
 * and was parked. A deleted endpoint's secret is already gone (''), and is left so.
 */
@Injectable()
export class ResealWebhookSecrets {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** How many secrets were re-sealed. */
  async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.tx.runOwn(async () => {
        const stale: { id: string; sealed: string }[] = await this.tx.manager.query(
          `SELECT id, secret_sealed AS sealed FROM webhook_endpoint
            WHERE secret_sealed <> '' AND split_part(secret_sealed, '.', 2) <> $1
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [this.cipher.activeKeyId],
        );
        for (const row of stale) {
          const resealed = this.cipher.seal(row.id, this.cipher.open<string>(row.id, row.sealed));
          await this.tx.manager.query(
            'UPDATE webhook_endpoint SET secret_sealed = $2 WHERE id = $1',
            [row.id, resealed],
          );
        }
        return stale.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }
}
