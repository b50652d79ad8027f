import { formatReference } from './next-reference';

describe('formatReference', () => {
  it('numbers with the year in Jakarta time, the number padded to six digits', () => {
    expect(formatReference('RJK', '123', new Date('2026-12-31T16:59:59.999Z'))).toBe(
      'RJK-2026-000123',
    );
    // Midnight of New Year in Jakarta is 17:00 UTC the day before.
    expect(formatReference('RJK', '123', new Date('2026-12-31T17:00:00.000Z'))).toBe(
      'RJK-2027-000123',
    );
    expect(formatReference('TPPO', '1234567', new Date('2027-06-01T00:00:00Z'))).toBe(
      'TPPO-2027-1234567',
    );
  });

  it('agrees with the time-zone database around every New Year from 1970 to 2100', () => {
    const oracle = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' });
    for (let year = 1970; year <= 2100; year += 1) {
      for (const offsetMs of [-3_600_000, -1, 0, 1, 3_600_000]) {
        const at = new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000 + offsetMs);
        expect(formatReference('X', '1', at)).toBe(`X-${oracle.format(at)}-000001`);
      }
    }
  });
});
