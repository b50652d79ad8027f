import { badInput, isUuid, nonEmptyList, requiredText } from '@simpul/common';

/** Limits and shapes of what an admin types in. Messages name the field, never echo a value. */
export const AdminLimits = { name: 200, displayName: 200 } as const;

/** Agency and unit codes: the stable identifiers agency systems, tests and reference data use. */
const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const MAX_CODE_LENGTH = 40;
/** Kemendagri codes: a province ('53') or a regency/city inside it ('53.71'). */
const REGION_CODE = /^\d{2}(\.\d{2})?$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** Lowercase, as Keycloak and most providers hand usernames over for single sign-on. */
const USERNAME = /^[a-z0-9](?:[a-z0-9._@-]{0,98}[a-z0-9])?$/;
/** IANA names: Area/Location (Asia/Jakarta, America/Argentina/Buenos_Aires) or UTC-like names. */
const ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)*$/;

export function validCode(field: string, value: string): string {
  const code = value.trim();
  if (code.length < 2 || code.length > MAX_CODE_LENGTH || !CODE.test(code)) {
    throw badInput(
      field,
      `must be 2 to ${MAX_CODE_LENGTH} capital letters, digits and single hyphens (e.g. UPTDPPA-NTT)`,
    );
  }
  return code;
}

export const validName = (field: string, value: string): string =>
  requiredText(field, value, AdminLimits.name);

export const validDisplayName = (field: string, value: string): string =>
  requiredText(field, value, AdminLimits.displayName);

/**
 * True for a time zone of the IANA database this runtime knows, spelled as IANA spells it. Offsets
 * such as '+07:00' or 'WIB' are refused: deadlines need a zone with its history.
 */
export function isIanaTimeZone(value: string): boolean {
  if (!ZONE_NAME.test(value)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl accepts any casing ('asia/jakarta'); the stored name must be the canonical spelling.
  return resolved.toLowerCase() !== value.toLowerCase() || resolved === value;
}

export function validTimeZone(field: string, value: string): string {
  const zone = value.trim();
  if (!isIanaTimeZone(zone)) {
    throw badInput(field, 'must be an IANA time zone such as Asia/Jakarta or Asia/Makassar');
  }
  return zone;
}

export function validRegionCode(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (!REGION_CODE.test(value.trim())) {
    throw badInput(field, 'must be a Kemendagri region code such as 53 or 53.71');
  }
  return value.trim();
}

export function validCountryCode(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (!COUNTRY_CODE.test(value.trim())) {
    throw badInput(field, 'must be an ISO 3166-1 alpha-2 country code such as KH');
  }
  return value.trim();
}

export function validUsername(field: string, value: string): string {
  const username = value.trim();
  if (!USERNAME.test(username)) {
    throw badInput(
      field,
      "must be 1 to 100 lowercase letters, digits, '.', '_', '-' or '@', starting and ending with a letter or digit",
    );
  }
  return username;
}

export function validRoles<T>(field: string, roles: readonly T[]): T[] {
  return nonEmptyList(field, roles);
}

/** An id argument or input field that must name an object: BAD_USER_INPUT when it cannot. */
export function validId(field: string, value: string): string {
  if (!isUuid(value)) throw badInput(field, 'is not an id returned by this API');
  return value;
}
