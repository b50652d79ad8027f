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
import { DeliveryState } from '@simpul/referral';
import { TransactionHost } from '@simpul/database';
import { alertEntry } from '../alert-entry';

/** Deliveries that share one transaction, at most (keeps the statement short). */
const MAX_BATCH = 128;

interface Delivery {
  alertId: string;
  unitId: string;
  job: OutboxJobRef;
}

interface DeliveredRow {
  alert_id: string;
  unit_id: string;
  raised_by_unit_id: string;
  reference: string;
  severity: string;
}

/**
 * Puts an alert in one receiving unit's feed: delivery = DELIVERED, deliveredAt, and
 * ALERT_DELIVERED on the ledger (from the raising unit to the receiving unit, so the unit's live
 * events carry it), once — a re-run finds it delivered and does nothing. Its outbox row is marked
 * done in the same transaction. As for referrals, the jobs that arrive while one transaction runs
 * go together into the next: an alert to 100 units costs a few transactions, not 100.
 */
@Injectable()
@HandlesJob('deliver-alert')
export class DeliverAlertHandler implements JobHandler<'deliver-alert'> {
  private readonly batches = new OneTransactionAtATime<Delivery>(MAX_BATCH, (batch) =>
    this.deliver(batch),
  );

  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  handle({ alertId, unitId }: { alertId: string; unitId: string }, job: OutboxJobRef) {
    return this.batches.add({ alertId, unitId, job });
  }

  private async deliver(batch: Delivery[]): Promise<void> {
    await this.tx.run(async () => {
      await markOutboxRowsDone(
        this.tx.manager,
        batch.map((w) => w.job),
      );
      const [delivered]: [DeliveredRow[], number] = await this.tx.manager.query(
        `UPDATE alert_delivery d SET delivery = $3, delivered_at = $4
           FROM alert a, unnest($1::uuid[], $2::uuid[]) AS j(alert_id, unit_id)
          WHERE d.alert_id = j.alert_id AND d.unit_id = j.unit_id AND a.id = d.alert_id
            AND d.delivery <> $3
          RETURNING d.alert_id, d.unit_id, a.raised_by_unit_id, a.reference, a.severity`,
        [
          batch.map((w) => w.alertId),
          batch.map((w) => w.unitId),
          DeliveryState.DELIVERED,
          // The process clock, as raisedAt and acknowledgedAt: under a test clock an alert is
          // never delivered before it was raised.
          this.clock.now(),
        ],
      );
      const order = batch.map((w) => `${w.alertId}/${w.unitId}`.toLowerCase());
      const key = (row: DeliveredRow) => `${row.alert_id}/${row.unit_id}`;
      await this.ledger.append(
        delivered
          .sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)))
          .map((row) =>
            alertEntry(HandoffAction.ALERT_DELIVERED, {
              actorId: null,
              fromUnitId: row.raised_by_unit_id,
              toUnitId: row.unit_id,
              alertId: row.alert_id,
              // Codes only: the reference and severity let notifications name the alert and email
              // a CRITICAL one without reading the alert (its summary never leaves its row).
              payload: {
                delivery: DeliveryState.DELIVERED,
                unitId: row.unit_id,
                reference: row.reference,
                severity: row.severity,
              },
            }),
          ),
      );
    });
  }
}
