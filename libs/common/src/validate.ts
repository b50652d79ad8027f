import { badInput } from './errors';

/** Input limits of docs/architecture.md ("The path of one referral"). */
export const Limits = {
  title: 200,
  summary: 4000,
  outcome: 4000,
  note: 2000,
  personsPerCase: 50,
  idempotencyKey: 200,
} as const;

/** Required text of 1..max characters after trimming; returns the trimmed value. */
export function requiredText(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Optional text: null/empty becomes null, otherwise at most max characters. */
export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

export function nonEmptyList<T>(field: string, values: readonly T[]): T[] {
  if (values.length === 0) throw badInput(field, 'must not be empty');
  return [...new Set(values)];
}

/** Earliest birth date accepted: older is a typo (and year 0000 does not exist in PostgreSQL). */
export const EARLIEST_DATE = '1900-01-01';

/** A calendar date YYYY-MM-DD that exists, is not before 1900 and is not in the future. */
export function pastDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'must be a date written YYYY-MM-DD');
  }
  if (value < EARLIEST_DATE) throw badInput(field, `must not be before ${EARLIEST_DATE}`);
  if (date.getTime() > Date.now()) throw badInput(field, 'must not be in the future');
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else can name no object (checked before it reaches SQL). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Outbox rows are the one object whose id is its bigint sequence (ADMIN's parked rows). */
const ROW_NUMBER = /^[1-9]\d{0,17}$/;

/**
 * A UUID as this API writes it: lower case. PostgreSQL finds the same row under an upper-case
 * spelling, but the checks that compare ids in code (a unit's own id, the persons a unit holds)
 * would not, and would answer FORBIDDEN or "no such unit" for an id that names the object.
 */
const ISSUED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id this API can have issued: a lower-case UUID, or an outbox row's number. */
export const isIssuedId = (value: string): boolean =>
  ISSUED_UUID.test(value) || ROW_NUMBER.test(value);

/**
 * Longest string any GraphQL argument may carry, whatever the field. Fields have their own, lower
 * limits (Limits above, passwords 1,024); this one bounds what the gateway hashes, compares and
 * sends to PostgreSQL for fields that have none.
 */
export const MAX_TEXT_LENGTH = 10_000;

/** An unpaired UTF-16 surrogate: a high one not followed by a low one, or a low one alone. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Why `value` is not text Simpul accepts, or null when it is. Applied by the gateway to every
 * string argument of every operation (apps/gateway/src/hardening/input-values.ts):
 * - U+0000 (NUL): PostgreSQL `text` cannot hold it; the query would fail.
 * - An unpaired surrogate is not Unicode: encoding it to UTF-8 silently turns it into U+FFFD, so
 *   what is stored would not be what was sent (and hashes, idempotency keys would not match).
 * - Other control characters (ESC, BEL, backspace, DEL, C1 …): nobody types them, and they break
 *   terminals (ANSI escapes), logs, CSV exports and the console. Tab and line breaks stay allowed:
 *   summaries and notes have paragraphs.
 * Anything else Unicode — emoji, right-to-left scripts, zero-width joiners — is text.
 */
export function textProblem(value: string): string | null {
  if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has an unpaired surrogate)';
  if (CONTROL.test(value)) {
    return 'must not contain control characters other than tab and line breaks';
  }
  return null;
}
