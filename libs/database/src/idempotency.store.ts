import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { badInput } from '@simpul/common';
import { TransactionHost } from './transaction-host';

/** Stable digest of a request payload: keys sorted, so field order does not matter. */
export function requestDigest(payload: unknown): string {
  const stable = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(stable);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, stable(v)]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(stable(payload)))
    .digest('hex');
}

/**
 * "Same key from the same officer returns the first result." A use case claims the key first, in
 * its own transaction, with the id it is about to create. A concurrent replay blocks on the primary
 * key until the first transaction ends, then reads the committed first result.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Returns null when the key is new (the caller goes on and creates `newId`), or the id of the
   * earlier result. The same key with a different payload is BAD_USER_INPUT naming `field`, where
   * the caller sent the key (every operation so far takes it in its `input`).
   */
  async claim(claim: {
    officerId: string;
    operation: string;
    key: string;
    digest: string;
    newId: string;
    field?: string;
  }): Promise<string | null> {
    const inserted: unknown[] = await this.tx.manager.query(
      `INSERT INTO idempotency_key (officer_id, operation, key, request_digest, result_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [claim.officerId, claim.operation, claim.key, claim.digest, claim.newId],
    );
    if (inserted.length === 1) return null;
    const rows: { request_digest: string; result_id: string }[] = await this.tx.manager.query(
      `SELECT request_digest, result_id FROM idempotency_key
        WHERE officer_id = $1 AND operation = $2 AND key = $3`,
      [claim.officerId, claim.operation, claim.key],
    );
    if (rows[0].request_digest !== claim.digest) {
      throw badInput(
        claim.field ?? 'input.idempotencyKey',
        'was already used for a different request',
      );
    }
    return rows[0].result_id;
  }
}
