/**
 * A scalar sub-select for another context's statement: the reference of the referral `referralId`
 * names (null when there is none). The notification lib shows it on notifications, emails and
 * webhooks; the referral lib keeps owning its table's SQL.
 */
export const referralReferenceSql = (referralId: string) =>
  `(SELECT r.reference FROM referral r WHERE r.id = ${referralId})`;

/**
 * A scalar sub-select for another context's statement: whether the referral `referralId` names is
 * confidential (null when there is none). The notification lib keeps a confidential referral's
 * escalations from units that may not see it (docs/access-model.md).
 */
export const referralConfidentialSql = (referralId: string) =>
  `(SELECT r.confidential FROM referral r WHERE r.id = ${referralId})`;
