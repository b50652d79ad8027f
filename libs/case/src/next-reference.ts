import type { EntityManager } from 'typeorm';

/** WIB, Jakarta's time: UTC+7 all year (no daylight saving since 1964). */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** The year of an instant in Jakarta time (arithmetic: a formatter call costs every send). */
const jakartaYear = (at: Date) => new Date(at.getTime() + JAKARTA_OFFSET_MS).getUTCFullYear();

/**
 * Human-readable numbers such as TPPO-2026-000123: the year in Jakarta time and a database
 * sequence (gaps are harmless; uniqueness is what matters).
 */
export async function nextReference(
  manager: EntityManager,
  prefix: string,
  sequence: ReferenceSequence,
  at: Date,
): Promise<string> {
  const [{ n }]: { n: string }[] = await manager.query(`SELECT ${nextReferenceSql(sequence)} AS n`);
  return formatReference(prefix, n, at);
}

export type ReferenceSequence =
  'case_reference_seq' | 'referral_reference_seq' | 'alert_reference_seq';

/** The next number of a reference sequence, as an expression for the caller's own SELECT. */
export const nextReferenceSql = (sequence: ReferenceSequence) => `nextval('${sequence}')::text`;

/** The reference for a number drawn with nextReferenceSql. */
export function formatReference(prefix: string, n: string, at: Date): string {
  return `${prefix}-${jakartaYear(at)}-${n.padStart(6, '0')}`;
}
