import { AdjustableClock, clockFor } from './clock';

describe('AdjustableClock', () => {
  it('reads the system clock moved by its offset, and moves when a test advances it', () => {
    const clock = new AdjustableClock(60_000);
    const before = Date.now();
    const read = clock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before + 60_000);
    expect(read).toBeLessThanOrEqual(Date.now() + 60_000);
    clock.advance(86_400_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before + 60_000 + 86_400_000);
    const target = new Date('2026-03-16T02:00:00Z');
    clock.set(target);
    expect(Math.abs(clock.now().getTime() - target.getTime())).toBeLessThan(1000);
  });

  it('cannot be moved in production', () => {
    const clock = clockFor({ env: 'production', clockOffsetMs: 0 });
    expect(() => clock.advance(1000)).toThrow(/production/);
    expect(() => clock.set(new Date())).toThrow(/production/);
    expect(clockFor({ env: 'test', clockOffsetMs: 5 }).offset).toBe(5);
  });
});
