/**
 * A scalar sub-select for another context's statement: the reference of the referral `referralId`
 * names (null when there is none). The notification lib shows it on notifications, emails and
 * webhooks; the referral lib keeps owning its table's SQL.
 */
export const referralReferenceSql = (referralId: string) =>
  `(SELECT r.reference FROM referral r WHERE r.id = ${referralId})`;
