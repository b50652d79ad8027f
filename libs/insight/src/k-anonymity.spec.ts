import { K_ANONYMITY, suppressSmallCells } from './k-anonymity';

interface Cell {
  month: string;
  agency: string;
  persons: number;
  referrals: number;
  medianMinutes: number | null;
}

const cell = (persons: number): Cell => ({
  month: '2026-11',
  agency: 'KEMLU',
  persons,
  referrals: 3,
  medianMinutes: 42,
});

describe('suppressSmallCells', () => {
  it('publishes a cell of 11 persons in full and suppresses one of 10 to its dimensions', () => {
    expect(K_ANONYMITY).toBe(11);
    const [ten, eleven] = suppressSmallCells([cell(10), cell(11)], ['month', 'agency']);
    expect(ten).toEqual({
      month: '2026-11',
      agency: 'KEMLU',
      suppressed: true,
      persons: null,
      referrals: null,
      medianMinutes: null,
    });
    expect(eleven).toEqual({ ...cell(11), suppressed: false });
  });

  it('suppresses a cell of one person, and honours another k', () => {
    expect(suppressSmallCells([cell(1)], ['month'])[0].persons).toBeNull();
    expect(suppressSmallCells([cell(4)], ['month'], 5)[0].suppressed).toBe(true);
    expect(suppressSmallCells([cell(5)], ['month'], 5)[0].suppressed).toBe(false);
  });

  it('refuses a k that would publish single persons', () => {
    expect(() => suppressSmallCells([cell(1)], ['month'], 1)).toThrow('k must be');
  });
});
