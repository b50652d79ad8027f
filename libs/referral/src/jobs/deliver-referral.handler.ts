import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import { HandlesJob, type JobHandler } from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { DeliveryState } from '../referral-enums';
import { ReferralRepository } from '../referral.repository';

/** Deliveries that share one transaction, at most (keeps the statement and the lock short). */
const MAX_BATCH = 32;

interface Waiting {
  referralId: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Puts a referral in the receiving unit's inbox: delivery = DELIVERED and REFERRAL_DELIVERED on
 * the ledger, once. A re-run (retry, re-drive after a crash) finds it delivered and does nothing.
 * The version is left alone: delivery is bookkeeping, not a status change.
 *
 * Every delivery appends to the ledger, and every append queues for the one chain-head lock. So
 * this process runs one delivery transaction at a time, and the jobs that arrive meanwhile go
 * together into the next one: one lock for many entries under load, and no wait when idle.
 */
@Injectable()
@HandlesJob('deliver-referral')
export class DeliverReferralHandler implements JobHandler<'deliver-referral'> {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly referrals: ReferralRepository,
    private readonly ledger: LedgerWriter,
  ) {}

  handle({ referralId }: { referralId: string }): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ referralId, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        await this.deliver(batch.map((w) => w.referralId));
        batch.forEach((w) => w.resolve());
      } catch (error) {
        if (batch.length === 1) batch[0].reject(error);
        // One referral that cannot be delivered must not fail the others: each on its own.
        else for (const w of batch) await this.deliver([w.referralId]).then(w.resolve, w.reject);
      }
    }
    this.running = false;
  }

  private async deliver(referralIds: string[]): Promise<void> {
    // A job has no request: withTransaction opens the CLS context the transaction travels in.
    await this.txHost.withTransaction(async () => {
      // A run that finds a referral delivered already (or waited for one that just delivered
      // it) leaves it out.
      const delivered = await this.referrals.markDelivered(
        referralIds,
        DeliveryState.DELIVERED,
        new Date(),
      );
      // Every row updated gets its entry; in the order the jobs came.
      const order = referralIds.map((id) => id.toLowerCase());
      const drafts = delivered
        .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
        .map((row) => ({
          action: HandoffAction.REFERRAL_DELIVERED,
          actorId: null,
          fromUnitId: row.from_unit_id,
          toUnitId: row.to_unit_id,
          caseId: row.case_id,
          referralId: row.id,
          payload: { delivery: DeliveryState.DELIVERED },
        }));
      await this.ledger.append(drafts);
    });
  }
}
