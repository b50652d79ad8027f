/**
 * Domain errors carry one of the contract's error codes. The gateway maps them to GraphQL errors
 * with `extensions.code`; nothing else (ORM or driver errors) reaches a client.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  NOT_IMPLEMENTED = 'NOT_IMPLEMENTED',
  /** The database is away or contended for a moment: retry after `retryAfterSeconds`. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, non-personal detail for `extensions` (e.g. the offending field). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Authentication required') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Not allowed') => new DomainError(ErrorCode.FORBIDDEN, message);

/** Same message whether the object does not exist or the caller may not see it (no existence leak). */
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

export const badInput = (field: string, why: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${why}`, { field });

export const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);

export const notImplemented = (capability: string) =>
  new DomainError(
    ErrorCode.NOT_IMPLEMENTED,
    `${capability} is not available yet in this version of Simpul`,
    { capability },
  );
