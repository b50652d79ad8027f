export * from './ledger-document';
export * from './parse-ledger-document';
export * from './ledger-verification';
export * from './verify-ledger-document';
