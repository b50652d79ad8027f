export * from './ledger-document';
export * from './parse-ledger-document';
export * from './verify-ledger-document';
