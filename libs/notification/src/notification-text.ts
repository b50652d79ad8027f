import { HandoffAction } from '@simpul/ledger';

/**
 * What a notification says, in Bahasa Indonesia and English: the action's words, the reference
 * and nothing else — no summary, no note, no name (a notification travels by email and to
 * agency systems). The console shows its own words from the code (apps/console i18n).
 */
const WORDS: Partial<Record<HandoffAction, { id: string; en: string }>> = {
  [HandoffAction.REFERRAL_DELIVERED]: { id: 'Rujukan baru masuk', en: 'New referral received' },
  [HandoffAction.REFERRAL_ACCEPTED]: { id: 'Rujukan disanggupi', en: 'Referral accepted' },
  [HandoffAction.REFERRAL_REJECTED]: { id: 'Rujukan ditolak', en: 'Referral declined' },
  [HandoffAction.REFERRAL_REDIRECTED]: { id: 'Rujukan dialihkan', en: 'Referral redirected' },
  [HandoffAction.REFERRAL_HELD]: { id: 'Rujukan ditunda', en: 'Referral put on hold' },
  [HandoffAction.REFERRAL_RESUMED]: { id: 'Rujukan dilanjutkan', en: 'Referral resumed' },
  [HandoffAction.REFERRAL_COMPLETED]: { id: 'Rujukan selesai', en: 'Referral completed' },
  [HandoffAction.REFERRAL_FAILED]: { id: 'Rujukan gagal', en: 'Referral failed' },
  [HandoffAction.REFERRAL_CANCELLED]: { id: 'Rujukan dibatalkan', en: 'Referral cancelled' },
  [HandoffAction.REFERRAL_ESCALATED]: { id: 'Rujukan dieskalasi', en: 'Referral escalated' },
  [HandoffAction.ALERT_DELIVERED]: { id: 'Peringatan baru', en: 'New alert' },
  [HandoffAction.ALERT_ACKNOWLEDGED]: { id: 'Peringatan diterima', en: 'Alert acknowledged' },
  [HandoffAction.ALERT_ESCALATED]: { id: 'Peringatan dieskalasi', en: 'Alert escalated' },
  [HandoffAction.CASE_PING_PONG]: { id: 'Kasus bolak-balik', en: 'Case passed back and forth' },
};

export interface NotificationFacts {
  action: string;
  reference: string | null;
  escalationLevel: number | null;
  link: string;
}

export function notificationSubject(facts: NotificationFacts): string {
  const words = WORDS[facts.action as HandoffAction]?.id ?? facts.action;
  const level = facts.escalationLevel ? ` (level ${facts.escalationLevel})` : '';
  return `[Simpul] ${words}${level}${facts.reference ? `: ${facts.reference}` : ''}`;
}

export function notificationBody(facts: NotificationFacts): string {
  const words = WORDS[facts.action as HandoffAction] ?? { id: facts.action, en: facts.action };
  return [
    `${words.id} / ${words.en}`,
    '',
    `Kode / Code: ${facts.action}`,
    ...(facts.reference ? [`Nomor / Reference: ${facts.reference}`] : []),
    ...(facts.escalationLevel
      ? [`Tingkat eskalasi / Escalation level: ${facts.escalationLevel}`]
      : []),
    `Buka / Open: ${facts.link}`,
    '',
    'Rincian hanya di Simpul, setelah masuk. / Details only in Simpul, after signing in.',
  ].join('\n');
}
