import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@simpul/config';
import {
  HandlesJob,
  markOutboxRowsDone,
  OneTransactionAtATime,
  type JobHandler,
  type OutboxJobRef,
} from '@simpul/delivery';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { DeliveryState } from '../referral-enums';

/** Deliveries that share one transaction, at most (keeps the statement short). */
const MAX_BATCH = 64;

interface DeliveredRow {
  id: string;
  from_unit_id: string;
  to_unit_id: string;
  case_id: string;
}

interface Delivery {
  referralId: string;
  job: OutboxJobRef;
}

/**
 * Puts a referral in the receiving unit's inbox: delivery = DELIVERED and REFERRAL_DELIVERED on
 * the ledger, once. A re-run (retry, re-drive after a crash) finds it delivered and does nothing.
 * The version is left alone: delivery is bookkeeping, not a status change. The jobs' outbox rows
 * are marked done in the same transaction: done exactly when the delivery is committed.
 *
 * This process runs one delivery transaction at a time, and the jobs that arrive meanwhile go
 * together into the next one: under load one UPDATE and one ledger append for many referrals
 * (fewer round trips, fewer commits), and no wait when idle.
 */
@Injectable()
@HandlesJob('deliver-referral')
export class DeliverReferralHandler implements JobHandler<'deliver-referral'> {
  private readonly batches = new OneTransactionAtATime<Delivery>(MAX_BATCH, (batch) =>
    this.deliver(batch),
  );

  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  handle({ referralId }: { referralId: string }, job: OutboxJobRef): Promise<void> {
    return this.batches.add({ referralId, job });
  }

  private async deliver(batch: Delivery[]): Promise<void> {
    const referralIds = batch.map((w) => w.referralId);
    await this.tx.run(async () => {
      // First: it may wait for the relay still committing these rows' dispatch, and must not wait
      // holding the referral rows' locks.
      await markOutboxRowsDone(
        this.tx.manager,
        batch.map((w) => w.job),
      );
      // One statement locks the rows, checks them and marks them: a run that finds a referral
      // delivered already (or waited for one that just delivered it) leaves it out.
      const [delivered]: [DeliveredRow[], number] = await this.tx.manager.query(
        `UPDATE referral SET delivery = $2, delivered_at = $3
          WHERE id = ANY($1::uuid[]) AND delivery <> $2
          RETURNING id, from_unit_id, to_unit_id, case_id`,
        // The process clock, as sentAt: under a test clock a referral is never delivered before
        // it was sent.
        [[...new Set(referralIds)], DeliveryState.DELIVERED, this.clock.now()],
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
