export * from './app-config';
export * from './config-error';
export * from './secret';
export * from './load-config';
export * from './config.module';
export * from './client-address';
export * from './clock';
export * from './ledger-config';
