export * from './privacy-config';
export * from './personal-data-cipher';
export * from './identity-number-hasher';
export * from './privacy.module';
