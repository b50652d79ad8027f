import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '@simpul/common';
import { OutboxRepository, type OutboxRowView } from '@simpul/delivery';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';

/** Outbox row ids are bigint sequence values. */
const ROW_ID = /^[1-9]\d{0,17}$/;

/**
 * replayOutboxRow: puts a parked outbox row back in line (once its cause is fixed), with a fresh
 * count of failures; OUTBOX_ROW_REPLAYED on the ledger with the row's id and job name. A row that
 * is not parked is a CONFLICT: it is in line already, or done.
 */
@Injectable()
export class ReplayOutboxRowUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: OutboxRepository,
    private readonly ledger: LedgerWriter,
  ) {}

  async execute(actor: Actor, id: string): Promise<OutboxRowView> {
    assertAdmin(actor);
    if (!ROW_ID.test(id)) throw notFound('Outbox row');
    return this.tx.run(async () => {
      const row = await this.outbox.lockForReplay(id);
      if (!row) throw notFound('Outbox row');
      if (!row.parkedAt) {
        throw conflict(row.doneAt ? 'The outbox row is done' : 'The outbox row is not parked');
      }
      const replayed = await this.outbox.unpark(id);
      await this.ledger.append([
        adminEntry(HandoffAction.OUTBOX_ROW_REPLAYED, actor, {
          outboxRowId: row.id,
          jobName: row.jobName,
          failures: row.failures,
        }),
      ]);
      return replayed;
    });
  }
}
