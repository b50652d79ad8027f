export * from './checkpoint-signature';
