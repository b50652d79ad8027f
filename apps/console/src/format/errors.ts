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
    message: typeof field === 'string' ? fieldLabel(t, field) : (first?.message ?? error.message),
    seconds: typeof retry === 'number' ? retry : 60,
  });
}

/**
 * The label an officer knows for the field a BAD_USER_INPUT names ("input.lawfulBasis.consentReference"
 * → "Nomor bukti persetujuan"); a field the console has no label for keeps the server's name.
 */
export function fieldLabel(t: TFunction, field: string): string {
  const last =
    field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() ?? field;
  return t(`errors.fields.${last}`, { defaultValue: field });
}
