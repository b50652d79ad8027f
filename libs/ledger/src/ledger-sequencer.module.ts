import { Module } from '@nestjs/common';
import { DeliveryModule } from '@simpul/delivery';
import { LedgerModule } from './ledger.module';
import { LedgerSequencer } from './sequencer/ledger-sequencer';
import { LedgerCheckpointer } from './tree/ledger-checkpointer';

/**
 * The worker's part of the ledger: the sequencer that seals appended entries into the chain, and
 * the checkpointer that extends the Merkle tree over them and signs checkpoints. Only the worker
 * imports it; the gateway appends, reads, and signs a checkpoint only on demand.
 */
@Module({
  imports: [DeliveryModule, LedgerModule],
  providers: [LedgerSequencer, LedgerCheckpointer],
  exports: [LedgerSequencer],
})
export class LedgerSequencerModule {}
