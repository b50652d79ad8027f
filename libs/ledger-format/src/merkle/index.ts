export * from './merkle-hash';
export * from './merkle-ranges';
export * from './merkle-proof';
export * from './merkle-node-store';
export * from './merkle-accumulator';
