import { Module } from '@nestjs/common';
import { DeliveryModule } from '@simpul/delivery';
import { LedgerSequencer } from './sequencer/ledger-sequencer';

/**
 * The worker's part of the ledger: the sequencer that seals appended entries into the chain.
 * Only the worker imports it; the gateway only appends and reads.
 */
@Module({
  imports: [DeliveryModule],
  providers: [LedgerSequencer],
  exports: [LedgerSequencer],
})
export class LedgerSequencerModule {}
