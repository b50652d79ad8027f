import type { EntityManager } from 'typeorm';
import { officersByUsernameSql } from '@simpul/identity';

/** The demo mailboxes' domain: `.invalid` is reserved (RFC 2606), so no mail ever leaves. */
export const DEMO_MAIL_DOMAIN = 'demo.simpul.invalid';

/**
 * Gives each of these demo officers a work address (`<username>@demo.simpul.invalid`) unless an
 * ADMIN already set one, so that escalations and CRITICAL alerts are emailed out of the box and
 * show up in the development mail folder (MAIL_DIR). Run after seedDemoCast, outside production
 * only; returns how many it set.
 */
export async function seedDemoWorkEmails(
  manager: EntityManager,
  usernames: readonly string[],
): Promise<number> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO officer_work_email (officer_id, address)
     SELECT o.id, o.username || '@' || $2::text FROM (${officersByUsernameSql('$1')}) o
     ON CONFLICT (officer_id) DO NOTHING
     RETURNING officer_id`,
    [usernames, DEMO_MAIL_DOMAIN],
  );
  return inserted.length;
}
