export * from './errors';
export * from './relation';
export * from './cursor';
export * from './request-context';
export * from './validate';
export * from './page-info.model';
export * from './signed-in.decorator';
export * from './reference';
