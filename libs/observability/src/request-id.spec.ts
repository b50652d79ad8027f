import { sanitizeRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sanitizeRequestId', () => {
  it.each(['abc', 'A-Z_0-9', '0b3c8f2e-3d7a-4f7e-9c1a-2b6d5e4f3a21', 'x'.repeat(64)])(
    'keeps the caller’s safe token %p',
    (header) => {
      expect(sanitizeRequestId(header)).toBe(header);
    },
  );

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['a space', 'abc def'],
    ['a CR/LF (log or header injection)', 'abc\r\nx-admin: 1'],
    ['a dot or slash', '../etc'],
    ['a quote', 'abc"}'],
    ['non-ASCII letters', 'pénélope'],
    ['a repeated header', ['abc', 'def']],
    ['a number', 42],
  ])('replaces %s with a fresh UUID', (_case, header) => {
    expect(sanitizeRequestId(header)).toMatch(UUID);
  });

  it('generates a different id each time', () => {
    expect(sanitizeRequestId(undefined)).not.toBe(sanitizeRequestId(undefined));
  });
});
