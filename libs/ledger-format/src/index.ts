// The ledger's format, free of any framework: what the hub writes and what an auditor's offline
// verifier checks (docs/ledger-format.md). Nothing here touches a database or Nest.
export * from './canonical-json';
export * from './ledger-hash';
export * from './merkle';
export * from './checkpoint';
export * from './verify';
