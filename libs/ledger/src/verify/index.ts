export * from './ledger-document';
export * from './verify-ledger-document';
