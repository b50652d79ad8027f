import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time: date, `T`, time with optional fraction, then `Z` or an offset. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** The range a DateTime argument may name: anything outside is a typo, not a date Simpul knows. */
export const DATE_TIME_RANGE = { fromYear: 1900, toYear: 9999 } as const;

const refuse = (): never => {
  throw new GraphQLError(
    `DateTime must be an RFC 3339 date-time such as 2026-03-14T09:30:00Z, years ${DATE_TIME_RANGE.fromYear}–${DATE_TIME_RANGE.toYear}`,
  );
};

/** A date-time written by a client: RFC 3339, a real calendar date and time, in range. */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') return refuse();
  const match = DATE_TIME.exec(value);
  if (!match) return refuse();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  if (
    !realDate ||
    year < DATE_TIME_RANGE.fromYear ||
    year > DATE_TIME_RANGE.toYear ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return refuse();
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? refuse() : date;
}

/**
 * The `DateTime` scalar. Nest's built-in one (`dateScalarMode: 'isoDate'`) passes anything to
 * `new Date(…)`: `"yesterday"` becomes an Invalid Date, `true` becomes 1970, year 275760 is
 * accepted — and PostgreSQL then fails on them. This one refuses all of that while coercing, so a
 * bad variable is BAD_USER_INPUT (HTTP 400) and a bad literal GRAPHQL_VALIDATION_FAILED, before
 * anything runs. Same name and description; output is unchanged (an ISO string at UTC).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: parseDateTime,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : refuse()),
});
