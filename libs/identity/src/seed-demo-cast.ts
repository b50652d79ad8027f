import type { EntityManager } from 'typeorm';
import { unitIdsByCode } from '@simpul/agency';
import { DEMO_CAST } from './demo-cast';
import { PasswordHasher } from './password-hasher';

/**
 * Inserts the demo officers that do not exist yet (run after seedReferenceData; the caller runs it
 * only outside production). Existing officers are left alone, so a restart neither re-hashes 14
 * passwords nor undoes a deactivation made during a demo. Returns how many were inserted.
 */
export async function seedDemoCast(
  manager: EntityManager,
  password: string,
  hasher: PasswordHasher = new PasswordHasher(),
): Promise<number> {
  const existing: { username: string }[] = await manager.query(
    'SELECT username FROM officer WHERE username = ANY($1::text[])',
    [DEMO_CAST.map((o) => o.username)],
  );
  const known = new Set(existing.map((row) => row.username));
  const missing = DEMO_CAST.filter((o) => !known.has(o.username));
  if (!missing.length) return 0;

  const unitIds = await unitIdsByCode(manager, [...new Set(missing.map((o) => o.unitCode))]);
  const absent = missing.filter((o) => !unitIds.has(o.unitCode)).map((o) => o.unitCode);
  if (absent.length) {
    throw new Error(`Demo cast needs units ${absent.join(', ')}: run seedReferenceData first`);
  }

  // Each officer gets its own salt; the hashes run in parallel on libuv's thread pool.
  const hashes = await Promise.all(missing.map(() => hasher.hash(password)));
  const inserted: unknown[] = await manager.query(
    `INSERT INTO officer (username, display_name, password_hash, roles, unit_id)
     SELECT o.username, o.display_name, o.password_hash,
            string_to_array(o.roles, ','), o.unit_id::uuid
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
            AS o(username, display_name, password_hash, roles, unit_id)
     ON CONFLICT (username) DO NOTHING
     RETURNING id`,
    [
      missing.map((o) => o.username),
      missing.map((o) => o.displayName),
      hashes,
      missing.map((o) => o.roles.join(',')),
      missing.map((o) => unitIds.get(o.unitCode)),
    ],
  );
  return inserted.length;
}
