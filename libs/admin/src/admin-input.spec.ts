import { DomainError, ErrorCode } from '@simpul/common';
import {
  isIanaTimeZone,
  validCode,
  validCountryCode,
  validRegionCode,
  validRoles,
  validTimeZone,
  validUsername,
} from './admin-input';

function badInputOf(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return error as DomainError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('isIanaTimeZone', () => {
  it.each([
    'Asia/Jakarta',
    'Asia/Makassar',
    'Asia/Jayapura',
    'Asia/Phnom_Penh',
    'UTC',
    'Etc/GMT-7',
  ])('accepts %s', (zone) => expect(isIanaTimeZone(zone)).toBe(true));

  it("accepts IANA names that this runtime's ICU lists under another name", () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'Asia/Yangon', 'America/Argentina/Buenos_Aires']) {
      expect(isIanaTimeZone(zone)).toBe(true);
    }
  });

  it.each(['WIB', '+07:00', 'GMT+7', 'asia/jakarta', 'ASIA/JAKARTA', 'Asia/Bandung', 'Asia/', ''])(
    'refuses %p',
    (zone) => expect(isIanaTimeZone(zone)).toBe(false),
  );

  it('names the field when refusing', () => {
    expect(badInputOf(() => validTimeZone('input.timeZone', 'WITA')).details).toEqual({
      field: 'input.timeZone',
    });
  });
});

describe('codes, regions, countries', () => {
  it('accepts the reference data shapes', () => {
    expect(validCode('code', ' UPTDPPA-NTT ')).toBe('UPTDPPA-NTT');
    expect(validCode('code', 'GT-PUSAT')).toBe('GT-PUSAT');
    expect(validRegionCode('regionCode', '53.71')).toBe('53.71');
    expect(validRegionCode('regionCode', '')).toBeNull();
    expect(validCountryCode('countryCode', 'KH')).toBe('KH');
    expect(validCountryCode('countryCode', null)).toBeNull();
  });

  it.each(['x', 'uptd-ntt', 'UPTD--NTT', '-NTT', 'UPTD NTT', 'A'.repeat(41)])(
    'refuses the code %p',
    (code) => expect(badInputOf(() => validCode('code', code)).message).toMatch(/^code: /),
  );

  it('refuses region and country codes of other shapes', () => {
    badInputOf(() => validRegionCode('regionCode', 'NTT'));
    badInputOf(() => validCountryCode('countryCode', 'KHM'));
  });
});

describe('usernames and roles', () => {
  it('accepts the demo cast and SSO-style usernames', () => {
    for (const username of ['lpsk', 'bp3mi.ntt.kepala', 'rina_w', 'r.wulandari@kemlu.go.id']) {
      expect(validUsername('username', username)).toBe(username);
    }
  });

  it.each(['Rina', 'rina wulandari', '.rina', 'rina.', 'x'.repeat(101), ''])(
    'refuses the username %p without echoing it',
    (username) => {
      const error = badInputOf(() => validUsername('input.username', username));
      if (username) expect(error.message).not.toContain(username);
    },
  );

  it('wants at least one role', () => {
    expect(badInputOf(() => validRoles('input.roles', [])).message).toBe(
      'input.roles: must not be empty',
    );
    expect(validRoles('roles', ['ADMIN', 'ADMIN'])).toEqual(['ADMIN']);
  });
});
