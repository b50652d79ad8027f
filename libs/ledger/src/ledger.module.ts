import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryModule } from '@simpul/delivery';
import { LedgerSigningKeys } from './checkpoints/ledger-signing-keys';
import { LedgerExporter } from './exports/ledger-export';
import { VerifyLedgerHandler } from './jobs/verify-ledger.handler';
import { LedgerIntegrityCheck } from './verification/ledger-integrity-check';
import { LedgerVerifications } from './verification/ledger-verifications';
import { RequestLedgerVerificationUseCase } from './verification/request-ledger-verification.use-case';
import { HandoffNoteEntity } from './entities/handoff-note.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { PublishHandoffEventsHandler } from './jobs/publish-handoff-events.handler';
import { LedgerReader } from './ledger-reader';
import { LedgerWriter } from './ledger-writer';
import { LedgerProofs } from './tree/ledger-proofs';
import { LedgerTree } from './tree/ledger-tree';
import { MerkleNodeStore } from './tree/merkle-node.store';

/**
 * The tamper-evident handoff ledger: appending, reading, the Merkle tree, checkpoints and proofs.
 * The job handlers are providers here so that the worker, which imports this module, discovers
 * them; in the gateway they are simply never called.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntryEntity, HandoffNoteEntity]), DeliveryModule],
  providers: [
    LedgerWriter,
    LedgerReader,
    PublishHandoffEventsHandler,
    LedgerSigningKeys,
    MerkleNodeStore,
    LedgerTree,
    LedgerProofs,
    LedgerExporter,
    LedgerIntegrityCheck,
    LedgerVerifications,
    RequestLedgerVerificationUseCase,
    VerifyLedgerHandler,
  ],
  exports: [
    LedgerWriter,
    LedgerReader,
    LedgerSigningKeys,
    MerkleNodeStore,
    LedgerTree,
    LedgerProofs,
    LedgerExporter,
    LedgerVerifications,
    RequestLedgerVerificationUseCase,
  ],
})
export class LedgerModule {}
