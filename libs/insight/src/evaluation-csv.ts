import type { EvaluationCell } from './evaluation-cell';

/** Column order of the statistics CSV (docs/data-protection.md describes each column). */
export const EVALUATION_CSV_COLUMNS: readonly (keyof EvaluationCell)[] = [
  'month',
  'provinceCode',
  'exploitationType',
  'agencyCode',
  'suppressed',
  'persons',
  'casesOpened',
  'referrals',
  'accepted',
  'medianMinutesToAccept',
  'completed',
  'failed',
  'rejected',
  'redirected',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; empty for null. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet: codes never start so, but be sure.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line, then one line per published cell (CRLF, as RFC 4180 says). */
export function evaluationCsvLines(cells: readonly EvaluationCell[]): string[] {
  return [
    EVALUATION_CSV_COLUMNS.join(','),
    ...cells.map((cell) => EVALUATION_CSV_COLUMNS.map((column) => field(cell[column])).join(',')),
  ].map((line) => `${line}\r\n`);
}
