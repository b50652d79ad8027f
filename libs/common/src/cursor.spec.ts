import {
  decodeCursor,
  decodeKeysetCursor,
  decodeRankedKeysetCursor,
  encodeCursor,
  pageSize,
} from './cursor';
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

  it('decodes a keyset cursor to an ISO instant and a UUID, refusing anything else', () => {
    const id = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    expect(decodeKeysetCursor(encodeCursor(['2026-01-01T00:00:00.000Z', id]))).toEqual({
      time: '2026-01-01T00:00:00.000Z',
      id,
    });
    for (const forged of [
      ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
      ['not-a-date', id],
      ['0000-01-01T00:00:00.000Z', id],
      ['2026-02-30T00:00:00.000Z', id],
      ['2026-01-01T00:00:00Z', id],
      [1, 2],
    ]) {
      expect(() => decodeKeysetCursor(encodeCursor(forged))).toThrow(/^after: /);
    }
  });

  it('decodes a ranked keyset cursor to its instant, rank and position, refusing anything else', () => {
    const id = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const asOf = '2026-12-01T00:00:00.000Z';
    const time = '2026-11-30T00:00:00.000Z';
    expect(decodeRankedKeysetCursor(encodeCursor([asOf, 12, time, id]))).toEqual({
      asOf,
      rank: 12,
      time,
      id,
    });
    for (const forged of [
      [time, id],
      [asOf, '12', time, id],
      [asOf, 1.5, time, id],
      [asOf, -1, time, id],
      [asOf, 1001, time, id],
      ['not-a-date', 12, time, id],
      [asOf, 12, time, 'not-a-uuid'],
    ]) {
      expect(() => decodeRankedKeysetCursor(encodeCursor(forged))).toThrow(/^after: /);
    }
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
  });
});
