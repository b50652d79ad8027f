export * from './handoff-action';
// The format (hashing, Merkle proofs, checkpoints, verification) is its own framework-free lib.
export * from '@simpul/ledger-format';
export * from './ledger-writer';
export * from './ledger-reader';
export * from './ledger.module';
export * from './ledger-sequencer.module';
export { LedgerSequencer } from './sequencer/ledger-sequencer';
export * from './models/handoff-event.model';
export * from './models/handoff-event-message';
export * from './models/hashed-ledger-entry.model';
export * from './entities/ledger-entry.entity';
export * from './entities/handoff-note.entity';
export { PublishHandoffEventsHandler } from './jobs/publish-handoff-events.handler';
export { LedgerSigningKeys } from './checkpoints/ledger-signing-keys';
export type { StoredCheckpoint } from './checkpoints/ledger-checkpoint';
export { LedgerTree } from './tree/ledger-tree';
export { MerkleNodeStore } from './tree/merkle-node.store';
export * from './tree/ledger-proofs';
