import { jest } from '@jest/globals';
import type { SessionState } from '../access-token.authenticator';
import { watchSocketSession } from './watch-socket-session';

describe('watchSocketSession', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const watch = (expiresInMs: number, states: SessionState[] = []) => {
    const closes: [number, string][] = [];
    let checks = 0;
    const { stop, checkNow } = watchSocketSession({
      expiresAt: new Date(Date.now() + expiresInMs),
      checkEveryMs: 1000,
      check: async () => states[checks++] ?? 'valid',
      close: (code, reason) => closes.push([code, reason]),
    });
    return { closes, stop, checkNow, checks: () => checks };
  };

  it('closes with 4401 the moment the token expires', async () => {
    const socket = watch(60_500);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(socket.closes).toEqual([]);
    await jest.advanceTimersByTimeAsync(500);
    expect(socket.closes).toEqual([[4401, 'Token expired']]);
  });

  it('closes with 4403 at the first check that finds the session revoked, and stops checking', async () => {
    const socket = watch(600_000, ['valid', 'valid', 'revoked']);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(socket.closes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(socket.closes).toEqual([[4403, 'Session revoked']]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(socket.checks()).toBe(3);
    expect(socket.closes).toHaveLength(1);
  });

  it('checks at once when told the access changed, without waiting for the next tick', async () => {
    const socket = watch(600_000, ['revoked']);
    socket.checkNow();
    await jest.advanceTimersByTimeAsync(0);
    expect(socket.closes).toEqual([[4403, 'Session revoked']]);
  });

  it('does nothing more once stopped (the socket closed)', async () => {
    const socket = watch(5_000, ['revoked']);
    socket.stop();
    socket.checkNow();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(socket.closes).toEqual([]);
    expect(socket.checks()).toBe(0);
  });

  it('keeps the socket when a check fails (database away) and retries at the next tick', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const closes: number[] = [];
    watchSocketSession({
      expiresAt: new Date(Date.now() + 600_000),
      checkEveryMs: 1000,
      check: async () => {
        calls++;
        if (calls === 1) throw new Error('connection refused');
        return 'revoked';
      },
      close: (code) => closes.push(code),
      onCheckError: (error) => errors.push(error),
    });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect(closes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(closes).toEqual([4403]);
  });
});
