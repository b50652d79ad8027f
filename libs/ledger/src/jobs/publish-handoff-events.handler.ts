import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, HandoffEventBus, type JobHandler } from '@simpul/delivery';
import type { JobPayloads } from '@simpul/queue';
import { LedgerReader } from '../ledger-reader';
import { toHandoffEventMessage } from '../models/handoff-event-message';

/**
 * Tells every gateway replica about freshly sealed entries (the `unitEvents` subscription), with
 * their public fields and what other contexts attach (HandoffEventEnricher), so that no gateway
 * reads the entry or its referral again per subscriber. The sequencer
 * writes the job in the batch that seals the entries; a retry publishes again, and subscribers
 * dedupe by seq.
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
    await this.bus.publish(entries.map(toHandoffEventMessage));
  }
}
