import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that lets an ADMIN's browser open Bull Board (a navigation sends no header). */
export const OPERATOR_COOKIE = 'simpul_operator';
/** Where it is sent: the board's pages and API, nothing else of the hub. */
export const OPERATOR_PATH = '/operators';
export const OPERATOR_COOKIE_SECONDS = 600;

const keyOf = (tokenSecret: string) =>
  createHmac('sha256', tokenSecret).update('simpul operator cookie v1').digest();

/**
 * `<officerId>.<expires unix seconds>.<HMAC>`: signed with a key derived from TOKEN_SECRET, short
 * lived; it names the officer, and every request re-checks that the officer is still an active
 * ADMIN, so a deactivation or a role change ends it at once.
 */
export function signOperatorCookie(
  tokenSecret: string,
  officerId: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const payload = `${officerId}.${nowSeconds + OPERATOR_COOKIE_SECONDS}`;
  const mac = createHmac('sha256', keyOf(tokenSecret)).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

/** The officer id of a valid, unexpired cookie value; null otherwise. */
export function verifyOperatorCookie(
  tokenSecret: string,
  value: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return null;
  const [, officerId, expires, mac] = match;
  if (Number(expires) < nowSeconds) return null;
  // Compared as text: base64url's last character has spare bits, so decoded bytes would accept
  // more than one spelling of the same MAC.
  const expected = Buffer.from(
    createHmac('sha256', keyOf(tokenSecret)).update(`${officerId}.${expires}`).digest('base64url'),
  );
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? officerId : null;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
