export * from './notification-audience';
export * from './notification-bus';
export * from './notification.reader';
export * from './notification.module';
export * from './models/notification.model';
export * from './models/webhook-endpoint.model';
export {
  signWebhook,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  REPLAY_WINDOW_SECONDS,
} from './webhook/webhook-signature';
export * from './seed-demo-work-emails';
export { ResealWebhookSecrets } from './webhook/reseal-webhook-secrets';
