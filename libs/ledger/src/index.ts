export * from './handoff-action';
// The format (hashing, Merkle proofs, checkpoints, verification) is its own framework-free lib.
export * from '@simpul/ledger-format';
export * from './ledger-writer';
export * from './ledger-reader';
export * from './ledger.module';
export * from './models/handoff-event.model';
export * from './entities/ledger-entry.entity';
export * from './entities/handoff-note.entity';
export { PublishHandoffEventsHandler } from './jobs/publish-handoff-events.handler';
