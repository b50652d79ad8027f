export * from './request-id';
export * from './logger.module';
export * from './health.controller';
export * from './health.module';
export * from './graceful-shutdown';
export * from './metrics';
export * from './queue-depths';
