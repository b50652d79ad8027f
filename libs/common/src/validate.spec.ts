import { DomainError } from './errors';
import { isIssuedId, MAX_TEXT_LENGTH, pastDate, textProblem } from './validate';

describe('textProblem', () => {
  it.each([
    ['plain text', 'Mohon fasilitasi pemulangan'],
    ['tabs and line breaks', 'Baris satu\nBaris dua\tdengan tab\r\n'],
    ['emoji with joiners and flags', '👩‍👩‍👧‍👦 🇮🇩'],
    ['right-to-left text and bidi marks', 'ملاحظة \u200f שלום \u202eevil\u202c'],
    ['combining marks', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o'],
    ['a surrogate pair', '𝔸'],
    ['U+2028, BOM and U+FFFF', '\u2028\ufeff\uffff'],
    ['the longest string allowed', 'x'.repeat(MAX_TEXT_LENGTH)],
  ])('accepts %s', (_what, value) => {
    expect(textProblem(value)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'x\ud83d', /unpaired surrogate/],
    ['a lone low surrogate', '\ude00y', /unpaired surrogate/],
    ['a reversed pair', '\ude00\ud83d', /unpaired surrogate/],
    ['ESC (ANSI colours)', '\u001b[31mred', /control characters/],
    ['BEL', 'a\u0007', /control characters/],
    ['backspace', 'a\b', /control characters/],
    ['DEL', 'a\u007f', /control characters/],
    ['a C1 control', 'a\u0085', /control characters/],
    ['more than the limit', 'x'.repeat(MAX_TEXT_LENGTH + 1), /at most 10000 characters/],
  ])('refuses %s', (_what, value, why) => {
    expect(textProblem(value)).toMatch(why);
  });
});

describe('pastDate', () => {
  it('accepts a real past date from 1900 on', () => {
    expect(pastDate('birthDate', '1998-03-14')).toBe('1998-03-14');
    expect(pastDate('birthDate', '1900-01-01')).toBe('1900-01-01');
  });

  it.each(['0000-01-01', '1899-12-31', '2026-02-30', '01-02-2000', '9999-12-31'])(
    'refuses %s naming the field',
    (value) => {
      expect(() => pastDate('input.persons[0].birthDate', value)).toThrow(DomainError);
      expect(() => pastDate('input.persons[0].birthDate', value)).toThrow(
        /^input\.persons\[0\]\.birthDate: /,
      );
    },
  );
});

describe('isIssuedId', () => {
  it.each(['6f1c2a4e-93b1-4c1e-9a57-0d3e8f1b2c3d', '1', '123456789012345678'])(
    'accepts %s',
    (id) => {
      expect(isIssuedId(id)).toBe(true);
    },
  );

  it.each([
    ['an upper-case UUID', '6F1C2A4E-93B1-4C1E-9A57-0D3E8F1B2C3D'],
    ['a mixed-case UUID', '6f1c2a4e-93B1-4c1e-9a57-0d3e8f1b2c3d'],
    ['a UUID in braces', '{6f1c2a4e-93b1-4c1e-9a57-0d3e8f1b2c3d}'],
    ['a row number with a leading zero', '0123'],
    ['a row number beyond bigint', '1234567890123456789'],
  ])('refuses %s', (_what, id) => {
    expect(isIssuedId(id)).toBe(false);
  });
});
