import type { EntityManager } from 'typeorm';

/**
 * Human-readable numbers such as TPPO-2026-000123: the year in Jakarta time and a database
 * sequence (gaps are harmless; uniqueness is what matters).
 */
export async function nextReference(
  manager: EntityManager,
  prefix: string,
  sequence: 'case_reference_seq' | 'referral_reference_seq',
  at: Date,
): Promise<string> {
  const [{ n }]: { n: string }[] = await manager.query(`SELECT nextval('${sequence}')::text AS n`);
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(
    at,
  );
  return `${prefix}-${year}-${n.padStart(6, '0')}`;
}
