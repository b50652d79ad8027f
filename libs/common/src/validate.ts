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

/** A calendar date YYYY-MM-DD that exists and is not in the future. */
export function pastDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'must be a date written YYYY-MM-DD');
  }
  if (date.getTime() > Date.now()) throw badInput(field, 'must not be in the future');
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else can name no object (checked before it reaches SQL). */
export const isUuid = (value: string): boolean => UUID.test(value);
