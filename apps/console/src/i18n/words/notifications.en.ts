import type { Same } from '../same';
import type { notificationsId } from './notifications.id';

export const notificationsEn: Same<typeof notificationsId> = {
  bell: 'Notifications',
  unreadSuffix: ' unread',
  title: 'Notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all as read',
  unread: 'Unread',
  level: 'level {{level}}',
  action: {
    REFERRAL_DELIVERED: 'New referral received',
    REFERRAL_ACCEPTED: 'Referral accepted',
    REFERRAL_REJECTED: 'Referral declined',
    REFERRAL_REDIRECTED: 'Referral redirected',
    REFERRAL_HELD: 'Referral put on hold',
    REFERRAL_RESUMED: 'Referral resumed',
    REFERRAL_COMPLETED: 'Referral completed',
    REFERRAL_FAILED: 'Referral failed',
    REFERRAL_CANCELLED: 'Referral cancelled',
    REFERRAL_ESCALATED: 'Referral escalated',
    ALERT_DELIVERED: 'New alert',
    ALERT_ACKNOWLEDGED: 'Alert acknowledged',
    ALERT_ESCALATED: 'Alert escalated',
    CASE_PING_PONG: 'Case bouncing between units',
    other: 'Notification',
  },
};
