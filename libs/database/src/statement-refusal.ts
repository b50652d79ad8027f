/** SQLSTATE raised by simpul_require() (migration 1764975000000-statement-refusals). */
export const REFUSAL_SQLSTATE = 'SR001';

/**
 * `simpul_require(<condition>, '<refusal>')` as an SQL expression: true when the condition holds,
 * else the statement fails and writes nothing. Arguments are SQL (a condition and a placeholder
 * or literal for the refusal).
 */
export const requireSql = (condition: string, refusal: string) =>
  `simpul_require(${condition}, ${refusal})`;

/**
 * The refusal a statement failed with through simpul_require, or undefined for any other error
 * (TypeORM wraps the driver's error; both carry the SQLSTATE in `code`).
 */
export function statementRefusal(error: unknown): string | undefined {
  const failure = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  const code = failure?.code ?? failure?.driverError?.code;
  return code === REFUSAL_SQLSTATE && typeof failure.message === 'string'
    ? failure.message
    : undefined;
}
