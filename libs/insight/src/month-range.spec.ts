import { DomainError } from '@simpul/common';
import { monthRange } from './month-range';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.details.field] : error;
  }
  return 'no error';
};

describe('monthRange', () => {
  it('takes whole months in order, one to 120', () => {
    expect(monthRange('2026-01', '2026-01')).toEqual({ fromMonth: '2026-01', toMonth: '2026-01' });
    expect(monthRange('2017-01', '2026-12')).toEqual({ fromMonth: '2017-01', toMonth: '2026-12' });
  });

  it('refuses dates, reversed and over-long ranges naming the field', () => {
    expect(fieldOf(() => monthRange('2026-01-01', '2026-02'))).toEqual([
      'BAD_USER_INPUT',
      'fromMonth',
    ]);
    expect(fieldOf(() => monthRange('2026-13', '2026-02'))).toEqual([
      'BAD_USER_INPUT',
      'fromMonth',
    ]);
    expect(fieldOf(() => monthRange('2026-03', '2026-02'))).toEqual(['BAD_USER_INPUT', 'toMonth']);
    expect(fieldOf(() => monthRange('2016-12', '2026-12'))).toEqual(['BAD_USER_INPUT', 'toMonth']);
  });
});
