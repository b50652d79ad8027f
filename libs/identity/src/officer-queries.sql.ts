/**
 * Sub-selects over the officer table for another context's statement (the notification lib's
 * audiences and demo mailboxes), so that the identity lib keeps owning its table's SQL. Arguments
 * are the caller's SQL expressions or placeholders.
 */

/** Active officers of these units holding any of these roles: `id`, `unit_id`, `roles`. */
export const activeOfficersOfUnitsSql = (unitIds: string, roles: string) =>
  `SELECT o.id, o.unit_id, o.roles FROM officer o
    WHERE o.unit_id = ANY(${unitIds}::uuid[]) AND o.active AND o.roles && ${roles}::text[]`;

/** The officers with these usernames: `id`, `username`. */
export const officersByUsernameSql = (usernames: string) =>
  `SELECT o.id, o.username FROM officer o WHERE o.username = ANY(${usernames}::text[])`;
