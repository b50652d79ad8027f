import { isChildOn, personLabel } from './person-label';

describe('person labels and childhood', () => {
  it('labels persons by position', () => {
    expect(personLabel(3)).toBe('Korban 3');
  });

  it.each([
    ['2008-11-30', '2026-11-29T12:00:00Z', true],
    ['2008-11-29', '2026-11-29T12:00:00Z', false],
    ['1990-01-01', '2026-11-29T12:00:00Z', false],
    [null, '2026-11-29T12:00:00Z', false],
  ])('born %s is a child on %s: %s', (birthDate, day, expected) => {
    expect(isChildOn(birthDate, new Date(day))).toBe(expected);
  });
});
