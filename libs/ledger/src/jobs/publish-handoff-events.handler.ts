import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, HandoffEventBus, type JobHandler } from '@simpul/delivery';
import type { JobPayloads } from '@simpul/queue';
import { LedgerReader } from '../ledger-reader';

/**
 * Tells every gateway replica about freshly committed entries (the `unitEvents` subscription).
 * Runs from the outbox, so it sees only committed entries; a retry publishes again, and
 * subscribers dedupe by seq.
 */
@Injectable()
@HandlesJob('publish-handoff-events')
export class PublishHandoffEventsHandler implements JobHandler<'publish-handoff-events'> {
  private readonly logger = new Logger(PublishHandoffEventsHandler.name);

  constructor(
    private readonly reader: LedgerReader,
    private readonly bus: HandoffEventBus,
  ) {}

  async handle({ seqs }: JobPayloads['publish-handoff-events']): Promise<void> {
    const entries = await this.reader.bySeqs(seqs);
    if (entries.length !== seqs.length) {
      // Cannot happen for an outbox row (written in the entries' own transaction); say so if it does.
      this.logger.error(
        `publish-handoff-events: ${seqs.length - entries.length} of ${seqs.length} seqs not found`,
      );
    }
    for (const entry of entries) {
      await this.bus.publish({
        seq: entry.seq,
        action: entry.action,
        caseId: entry.caseId,
        referralId: entry.referralId,
        alertId: entry.alertId,
        fromUnitId: entry.fromUnitId,
        toUnitId: entry.toUnitId,
      });
    }
  }
}
