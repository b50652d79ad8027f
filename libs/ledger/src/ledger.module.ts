import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryModule } from '@simpul/delivery';
import { HandoffNoteEntity } from './entities/handoff-note.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { PublishHandoffEventsHandler } from './jobs/publish-handoff-events.handler';
import { LedgerReader } from './ledger-reader';
import { LedgerWriter } from './ledger-writer';
import { LedgerRepository } from './ledger.repository';

/**
 * The tamper-evident handoff ledger. The job handler is a provider here so that the worker, which
 * imports this module, discovers it; in the gateway it is simply never called.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntryEntity, HandoffNoteEntity]), DeliveryModule],
  providers: [LedgerRepository, LedgerWriter, LedgerReader, PublishHandoffEventsHandler],
  exports: [LedgerWriter, LedgerReader],
})
export class LedgerModule {}
