/** The console screen a notification leads to (apps/console routes), absolute. */
export function notificationLink(
  publicUrl: string,
  subject: { referralId: string | null; alertId: string | null; caseId: string | null },
): string {
  if (subject.referralId) return `${publicUrl}/rujukan/${subject.referralId}`;
  if (subject.alertId) return `${publicUrl}/peringatan/${subject.alertId}`;
  if (subject.caseId) return `${publicUrl}/kasus/${subject.caseId}`;
  return `${publicUrl}/`;
}
