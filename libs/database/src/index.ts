export * from './data-source-options';
export * from './ensure-database';
export * from './run-migrations';
export * from './grant-database-roles';
export * from './database.module';
export * from './idempotency.store';
export { migrations } from './migrations';
export * from './keyset-page';
export * from './database-unavailable';
