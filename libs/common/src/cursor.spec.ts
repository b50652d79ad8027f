import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { DomainError, ErrorCode } from './errors';

describe('cursor', () => {
  it('round-trips a keyset tuple', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'abc']), 2)).toEqual([
      '2026-01-01T00:00:00.000Z',
      'abc',
    ]);
  });

  it('rejects a forged cursor as BAD_USER_INPUT naming the argument', () => {
    const attempt = () => decodeCursor('not-a-cursor', 2);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/after/);
    try {
      attempt();
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
  });
});
