import { throttleSubjects } from './login-throttle';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!!';
const limits = { usernameFailures: 5, addressFailures: 20 };

describe('throttleSubjects', () => {
  it('counts an attempt against its username and its address, each with its own limit', () => {
    const subjects = throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7');
    expect(subjects.map((s) => [s.key.split(':')[0], s.limit])).toEqual([
      ['username', 5],
      ['address', 20],
    ]);
  });

  it('stores neither the username nor the address, only keyed digests', () => {
    for (const { key } of throttleSubjects(SECRET, limits, 'bp3mi.ntt', '203.0.113.7')) {
      expect(key).toMatch(/^(username|address):[0-9a-f]{64}$/);
      expect(key).not.toContain('bp3mi');
      expect(key).not.toContain('203.0.113.7');
    }
    const [withOtherSecret] = throttleSubjects(`${SECRET}x`, limits, 'bp3mi.ntt', null);
    const [withSecret] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', null);
    expect(withOtherSecret.key).not.toBe(withSecret.key);
  });

  it('treats case and surrounding spaces of a username as the same username', () => {
    const [plain] = throttleSubjects(SECRET, limits, 'bp3mi.ntt', null);
    const [shouted] = throttleSubjects(SECRET, limits, '  BP3MI.NTT ', null);
    expect(shouted.key).toBe(plain.key);
  });

  it('skips the address when unknown and any limit set to 0', () => {
    expect(throttleSubjects(SECRET, limits, 'bp3mi.ntt', undefined)).toHaveLength(1);
    expect(
      throttleSubjects(SECRET, { usernameFailures: 0, addressFailures: 0 }, 'x', '203.0.113.7'),
    ).toEqual([]);
  });
});
