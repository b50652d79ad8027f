/**
 * Every BullMQ queue Simpul uses. Never rename one without a migration note: jobs already waiting
 * under the old name would be stranded.
 */
export const QueueName = {
  /** Delivering referrals to inboxes and alerts to their receiving units. */
  Delivery: 'delivery',
  /**
   * Publishing sealed ledger entries to live subscribers: a queue of its own, so that live events
   * never wait behind deliveries, nor deliveries behind them.
   */
  Events: 'events',
  /**
   * Notifications: turning sealed ledger entries into in-app notifications, emails and webhook
   * deliveries (libs/notification), and sending the emails.
   */
  Notifications: 'notifications',
  /**
   * Outbound webhooks: a queue of their own, so that a slow or dead receiver never holds up
   * notifications or deliveries.
   */
  Webhooks: 'webhooks',
  /**
   * Escalation timers (delayed jobs, one per step of a deadline): a queue of their own, so that a
   * burst of due timers never delays deliveries or live events.
   */
  Timers: 'timers',
  /**
   * ADMIN's ledger verification runs: long reads of the whole ledger, one at a time, apart from
   * everything that must stay prompt.
   */
  Audit: 'audit',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job name → payload type. Payloads carry ids only, never personal data. */
export interface JobPayloads {
  'deliver-referral': { referralId: string };
  /** One receiving unit of an alert: one job per unit, so each unit's delivery stands alone. */
  'deliver-alert': { alertId: string; unitId: string };
  'publish-handoff-events': { seqs: string[] };
  'notify-handoff-events': { seqs: string[] };
  'send-notification-email': { notificationId: string };
  'deliver-webhook': { deliveryId: string };
  /** One verifyLedger run (ledger_verification row). */
  'verify-ledger': { verificationId: string };
  /** One escalation timer: which subject, which deadline and step, when (ISO 8601, UTC). */
  'fire-timer': {
    subjectKind: string;
    subjectId: string;
    deadline: string;
    dueAt: string;
    step: number;
    fireAt: string;
  };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'deliver-referral': QueueName.Delivery,
  'deliver-alert': QueueName.Delivery,
  'publish-handoff-events': QueueName.Events,
  'notify-handoff-events': QueueName.Notifications,
  'send-notification-email': QueueName.Notifications,
  'deliver-webhook': QueueName.Webhooks,
  'fire-timer': QueueName.Timers,
  'verify-ledger': QueueName.Audit,
};
