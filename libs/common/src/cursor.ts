import { badInput } from './errors';
import { EARLIEST_DATE, isUuid } from './validate';

/** Opaque cursors for keyset pagination: base64url of a JSON tuple. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts;
    }
  } catch {
    // fall through to the input error below
  }
  throw badInput('after', 'is not a cursor returned by this API');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The (time, id) position a keyset cursor stands for. A cursor is opaque but comes from the
 * client: one that decodes to the right arity but not to an ISO instant and a UUID would otherwise
 * reach PostgreSQL as `::timestamptz` / `::uuid` casts and fail there.
 */
export function decodeKeysetCursor(cursor: string): { time: string; id: string } {
  const [time, id] = decodeCursor(cursor, 2);
  if (
    typeof time === 'string' &&
    typeof id === 'string' &&
    ISO_INSTANT.test(time) &&
    time >= EARLIEST_DATE &&
    new Date(time).toISOString() === time &&
    isUuid(id)
  ) {
    return { time, id };
  }
  throw badInput('after', 'is not a cursor returned by this API');
}

/**
 * The position a ranked keyset cursor stands for: the instant the ranks were computed at (so that
 * a rank that depends on the clock, such as an SLA state, is the same on every page), the rank,
 * and the (time, id) position within it.
 */
export function decodeRankedKeysetCursor(cursor: string): {
  asOf: string;
  rank: number;
  time: string;
  id: string;
} {
  const [asOf, rank, time, id] = decodeCursor(cursor, 4);
  if (
    isInstant(asOf) &&
    typeof rank === 'number' &&
    Number.isInteger(rank) &&
    rank >= 0 &&
    rank <= MAX_RANK &&
    isInstant(time) &&
    typeof id === 'string' &&
    isUuid(id)
  ) {
    return { asOf, rank, time, id };
  }
  throw badInput('after', 'is not a cursor returned by this API');
}

/** Ranks are small integers chosen by the reader that orders by them. */
const MAX_RANK = 1000;

function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_INSTANT.test(value) &&
    value >= EARLIEST_DATE &&
    new Date(value).toISOString() === value
  );
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}
