import { enforcedSubjects, lockSecondsFor, throttleSubjects } from './login-throttle';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!!';
const limits = { pairFailures: 5, addressFailures: 20, usernameFailures: 30 };
const timing = { lockSeconds: 900, usernameMaxDelaySeconds: 60 };

describe('throttleSubjects', () => {
  it('counts an attempt against its pair, its address and its username, each with its own limit', () => {
    const subjects = throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7');
    expect(subjects.map((s) => [s.kind, s.key.split(':')[0], s.limit])).toEqual([
      ['pair', 'pair', 5],
      ['address', 'address', 20],
      ['username', 'username', 30],
    ]);
  });

  it('stores neither the username nor the address, only keyed digests', () => {
    for (const { key } of throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7')) {
      expect(key).toMatch(/^(pair:[0-9a-f]{64}|address|username):[0-9a-f]{64}$/);
      expect(key).not.toContain('bp3mi');
      expect(key).not.toContain('203.0.113.7');
    }
    const [withOtherSecret] = throttleSubjects(`${SECRET}x`, limits, 'bp3mi.ntt', null);
    const [withSecret] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', null);
    expect(withOtherSecret.key).not.toBe(withSecret.key);
  });

  it('keys every pair of a username under one prefix, and no two usernames or addresses alike', () => {
    const [pairA] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7');
    const [pairB] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', '198.51.100.1');
    const [other] = throttleSubjects(SECRET, limits, 'kemlu.pwni', '203.0.113.7');
    const prefix = (key: string) => key.split(':').slice(0, 2).join(':');
    expect(prefix(pairA.key)).toBe(prefix(pairB.key));
    expect(pairA.key).not.toBe(pairB.key);
    expect(prefix(other.key)).not.toBe(prefix(pairA.key));
  });

  it('treats case and surrounding spaces of a username as the same username', () => {
    const [plain] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', null);
    const [shouted] = throttleSubjects(SECRET, limits, '  BP3MI.NTT ', null);
    expect(shouted.key).toBe(plain.key);
  });

  it('counts an IPv6 address by its /64', () => {
    const a = throttleSubjects(SECRET, limits, 'x', '2001:db8:1:2::1');
    const b = throttleSubjects(SECRET, limits, 'x', '2001:db8:1:2:ffff::9');
    const c = throttleSubjects(SECRET, limits, 'x', '2001:db8:1:3::1');
    expect(b.map((s) => s.key)).toEqual(a.map((s) => s.key));
    expect(c[1].key).not.toBe(a[1].key);
  });

  it('has only the username when the address is unknown', () => {
    expect(throttleSubjects(SECRET, limits, 'bp3mi.ntt', undefined).map((s) => s.kind)).toEqual([
      'username',
    ]);
  });
});

describe('enforcedSubjects', () => {
  const subjects = throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7');

  it('lets every subject lock a pair that never signed in', () => {
    expect(enforcedSubjects(subjects, false).map((s) => s.kind)).toEqual([
      'pair',
      'address',
      'username',
    ]);
  });

  it('exempts a known pair from the address lock and the username slow-down, not from its own', () => {
    expect(enforcedSubjects(subjects, true).map((s) => s.kind)).toEqual(['pair']);
  });

  it('skips a limit set to 0', () => {
    const off = throttleSubjects(
      SECRET,
      { pairFailures: 0, addressFailures: 0, usernameFailures: 0 },
      'x',
      '203.0.113.7',
    );
    expect(enforcedSubjects(off, false)).toEqual([]);
  });
});

describe('lockSecondsFor', () => {
  const [pair, address, username] = throttleSubjects(SECRET, limits, 'x', '203.0.113.7');

  it('locks a pair or an address for LOGIN_LOCKOUT_SECONDS', () => {
    expect(lockSecondsFor(pair, 5, timing)).toBe(900);
    expect(lockSecondsFor(address, 20, timing)).toBe(900);
  });

  it('slows a username with doubling delays, capped well below the pair lock', () => {
    expect(
      [30, 31, 32, 33, 34, 35, 36, 37, 1000].map((n) => lockSecondsFor(username, n, timing)),
    ).toEqual([5, 10, 20, 40, 60, 60, 60, 60, 60]);
  });
});
