import { ConfigError } from './config-error';
import {
  ClientAddressResolver,
  addressBucket,
  normalizeAddress,
  parseTrustProxy,
} from './client-address';

const resolver = (raw: string) => new ClientAddressResolver(parseTrustProxy(raw));

describe('parseTrustProxy', () => {
  it('is off unless set', () => {
    for (const raw of [undefined, '', ' off ', 'false', '0', 'none']) {
      expect(parseTrustProxy(raw)).toEqual({ kind: 'off' });
    }
  });

  it('takes a hop count or a list of addresses and CIDRs, IPv4 and IPv6', () => {
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 192.0.2.7,fd00::/8, ::1')).toEqual({
      kind: 'proxies',
      proxies: ['10.0.0.0/8', '192.0.2.7/32', 'fd00::/8', '::1/128'],
    });
  });

  it.each([
    ['true', 'every client'],
    ['11', 'more than 10 hops'],
    ['10.0.0.0/33', "'10.0.0.0/33'"],
    ['fd00::/129', "'fd00::/129'"],
    ['10.0.0.1,,10.0.0.2', "'' is not"],
    ['proxy.internal', "'proxy.internal'"],
    ['10.0.0.1/8/2', "'10.0.0.1/8/2'"],
    ['-1', "'-1'"],
  ])('refuses %s with one line naming TRUST_PROXY', (raw, why) => {
    let error: unknown;
    try {
      parseTrustProxy(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('TRUST_PROXY');
    expect((error as ConfigError).message).toContain(why);
    expect((error as ConfigError).message.split('\n')).toHaveLength(1);
  });
});

describe('ClientAddressResolver', () => {
  it('off: the socket address, whatever X-Forwarded-For says', () => {
    const off = resolver('off');
    expect(off.resolve('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
    expect(off.resolve('::ffff:192.0.2.4', ['203.0.113.9', '198.51.100.1'])).toBe('192.0.2.4');
    expect(off.isTrustedProxy('127.0.0.1')).toBe(false);
    expect(off.trustsHop('127.0.0.1', 0)).toBe(false);
  });

  it('hop count: the entry the last trusted proxy appended; forged left-most entries are ignored', () => {
    const one = resolver('1');
    expect(one.resolve('10.0.0.5', '203.0.113.9')).toBe('203.0.113.9');
    expect(one.resolve('10.0.0.5', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(one.resolve('10.0.0.5', ['6.6.6.6', '203.0.113.9'])).toBe('203.0.113.9');
    expect(one.resolve('10.0.0.5', undefined)).toBe('10.0.0.5');
    const two = resolver('2');
    expect(two.resolve('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.9')).toBe('203.0.113.9');
    expect(two.isTrustedProxy('198.51.100.1')).toBe(true);
  });

  it('list: walks from the right while the hop is a listed proxy', () => {
    const list = resolver('10.0.0.0/8,2001:db8:ffff::/48');
    expect(list.resolve('10.1.2.3', '203.0.113.9')).toBe('203.0.113.9');
    expect(list.resolve('10.1.2.3', '6.6.6.6, 203.0.113.9, 10.9.9.9')).toBe('203.0.113.9');
    expect(list.resolve('2001:db8:ffff::1', '2001:DB8:1:2::7')).toBe('2001:db8:1:2::7');
    // A peer that is not a listed proxy is the client, whatever it claims.
    expect(list.resolve('198.51.100.1', '203.0.113.9')).toBe('198.51.100.1');
    // All hops are proxies: the left-most is the best there is.
    expect(list.resolve('10.1.2.3', '10.4.4.4')).toBe('10.4.4.4');
    expect(list.isTrustedProxy('10.200.0.1')).toBe(true);
    expect(list.isTrustedProxy('::ffff:10.200.0.1')).toBe(true);
    expect(list.isTrustedProxy('198.51.100.1')).toBe(false);
  });

  it('stops at a trusted proxy that wrote something other than an address', () => {
    expect(resolver('1').resolve('10.0.0.5', 'unknown')).toBe('10.0.0.5');
    expect(resolver('10.0.0.0/8').resolve('10.0.0.5', '203.0.113.9:443')).toBe('10.0.0.5');
  });
});

describe('addresses as counted', () => {
  it('normalizes IPv4-mapped IPv6, case and zones, and refuses non-addresses', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('FE80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('not-an-address')).toBeUndefined();
    expect(normalizeAddress(undefined)).toBeUndefined();
  });

  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(addressBucket('192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressBucket('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });
});
