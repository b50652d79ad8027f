export * from './errors';
export * from './relation';
export * from './cursor';
