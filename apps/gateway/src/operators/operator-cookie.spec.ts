import {
  OPERATOR_COOKIE_SECONDS,
  cookieValue,
  signOperatorCookie,
  verifyOperatorCookie,
} from './operator-cookie';

const SECRET = 'token-secret-0123456789abcdef0123456789abcdef';
const OFFICER = '1b4e28ba-2fa1-4d2e-883f-0016d3cca427';

describe('operator cookie', () => {
  it('names the officer until it expires', () => {
    const value = signOperatorCookie(SECRET, OFFICER, 1_800_000_000);
    expect(verifyOperatorCookie(SECRET, value, 1_800_000_000)).toBe(OFFICER);
    expect(verifyOperatorCookie(SECRET, value, 1_800_000_000 + OPERATOR_COOKIE_SECONDS)).toBe(
      OFFICER,
    );
    expect(
      verifyOperatorCookie(SECRET, value, 1_800_000_000 + OPERATOR_COOKIE_SECONDS + 1),
    ).toBeNull();
  });

  it('refuses another secret, a changed officer or expiry, and garbage', () => {
    const value = signOperatorCookie(SECRET, OFFICER, 1_800_000_000);
    expect(verifyOperatorCookie(`${SECRET}x`, value, 1_800_000_000)).toBeNull();
    const other = value.replace(OFFICER, '2b4e28ba-2fa1-4d2e-883f-0016d3cca427');
    expect(verifyOperatorCookie(SECRET, other, 1_800_000_000)).toBeNull();
    const later = value.replace('.1800000600.', '.1900000600.');
    expect(verifyOperatorCookie(SECRET, later, 1_800_000_000)).toBeNull();
    const lastCharacter = value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(verifyOperatorCookie(SECRET, lastCharacter, 1_800_000_000)).toBeNull();
    expect(verifyOperatorCookie(SECRET, undefined)).toBeNull();
    expect(verifyOperatorCookie(SECRET, 'x.y.z')).toBeNull();
  });

  it('reads one cookie out of a header', () => {
    expect(cookieValue('a=1; simpul_operator=abc.def; b=2', 'simpul_operator')).toBe('abc.def');
    expect(cookieValue('a=1', 'simpul_operator')).toBeUndefined();
    expect(cookieValue(undefined, 'simpul_operator')).toBeUndefined();
  });
});
