import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@simpul/delivery';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifications: LedgerVerifications,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(requestedBy: string): Promise<LedgerVerificationView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.verifications.insert(manager, id, requestedBy);
      await this.outbox.enqueue(manager, 'verify-ledger', { verificationId: id });
    });
    return (await this.verifications.byId(id))!;
  }
}
