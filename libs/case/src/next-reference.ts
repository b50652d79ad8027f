import type { EntityManager } from 'typeorm';

/** The year of an instant in Jakarta time (built once: formatters are costly to create). */
const jakartaYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' });

/**
 * Human-readable numbers such as TPPO-2026-000123: the year in Jakarta time and a database
 * sequence (gaps are harmless; uniqueness is what matters).
 */
export async function nextReference(
  manager: EntityManager,
  prefix: string,
  sequence: 'case_reference_seq' | 'referral_reference_seq' | 'alert_reference_seq',
  at: Date,
): Promise<string> {
  const [{ n }]: { n: string }[] = await manager.query(`SELECT nextval('${sequence}')::text AS n`);
  const year = jakartaYear.format(at);
  return `${prefix}-${year}-${n.padStart(6, '0')}`;
}
