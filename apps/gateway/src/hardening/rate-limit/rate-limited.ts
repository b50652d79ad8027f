import { DomainError, ErrorCode } from '@simpul/common';
import { RequestRefusedError } from '../early-refusal';

const MESSAGE = 'Too many requests; retry later';

/**
 * Operations refused by the per-officer limit, with the seconds to wait: the Apollo plugin reads it
 * to add the HTTP `Retry-After` header to the response of that operation.
 */
const retryAfterByContext = new WeakMap<object, number>();

export function markRateLimited(context: object, retryAfterSeconds: number): void {
  retryAfterByContext.set(context, retryAfterSeconds);
}

export function retryAfterOf(context: object): number | undefined {
  return retryAfterByContext.get(context);
}

/** Thrown inside execution (per-officer limit); DomainErrorFilter maps it to RATE_LIMITED. */
export function officerRateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError(ErrorCode.RATE_LIMITED, MESSAGE, { retryAfterSeconds });
}

/** A request refused before parsing (per-address limit): HTTP 429 with Retry-After. */
export function addressRateLimited(retryAfterSeconds: number): RequestRefusedError {
  return new RequestRefusedError(MESSAGE, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      // Apollo accepts any Map here (its HeaderMap is one); a plain Map spares importing the CJS
      // build of @apollo/server beside the ESM one Nest loads.
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
