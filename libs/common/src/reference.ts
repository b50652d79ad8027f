/** The year of an instant in Jakarta time (built once: formatters are costly to create). */
const jakartaYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' });

/**
 * Human-readable numbers such as TPPO-2026-000123: the year in Jakarta time and a number from a
 * database sequence of the owning lib (gaps are harmless; uniqueness is what matters).
 */
export function formatReference(prefix: string, sequenceValue: string, at: Date): string {
  return `${prefix}-${jakartaYear.format(at)}-${sequenceValue.padStart(6, '0')}`;
}
