import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'NOT_IMPLEMENTED',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function errorCode(
  error: CombinedError | null | undefined,
): ErrorCode | 'NETWORK' | 'UNKNOWN' | null {
  if (!error) return null;
  if (error.networkError) {
    const status = (error.response as Response | undefined)?.status;
    return status === 503 ? 'SERVICE_UNAVAILABLE' : 'NETWORK';
  }
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : 'UNKNOWN';
}

/** The server's error in the officer's language: by extensions.code, never the server's English. */
export function errorText(t: TFunction, error: CombinedError | null | undefined): string | null {
  const code = errorCode(error);
  if (!code || !error) return null;
  const first = error.graphQLErrors[0];
  const field = first?.extensions?.field;
  const retry = first?.extensions?.retryAfterSeconds;
  return t(`errors.${code}`, {
    message: typeof field === 'string' ? field : (first?.message ?? error.message),
    seconds: typeof retry === 'number' ? retry : 60,
  });
}
