export * from './field-access-rules';
