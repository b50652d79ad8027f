import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OutboxWriter } from '@simpul/delivery';
import { TransactionHost } from '@simpul/database';
import { LedgerVerifications, type LedgerVerificationView } from './ledger-verifications';

/**
 * verifyLedger: records a verification run and its `verify-ledger` job in one transaction; the
 * worker runs it (VerifyLedgerHandler). The caller (ADMIN only, declared on the resolver) follows
 * it with ledgerVerification(id). Not a ledger entry: it changes nothing the ledger records, and
 * the run's row says who asked and when.
 */
@Injectable()
export class RequestLedgerVerificationUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly verifications: LedgerVerifications,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(requestedBy: string): Promise<LedgerVerificationView> {
    const id = randomUUID();
    await this.tx.run(async () => {
      await this.verifications.insert(id, requestedBy);
      await this.outbox.enqueue('verify-ledger', { verificationId: id });
    });
    return (await this.verifications.byId(id))!;
  }
}
