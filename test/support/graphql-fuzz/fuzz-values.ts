import fc from 'fast-check';

/**
 * Values the GraphQL fuzz test sends: plausible ones (so requests get past validation and reach
 * use cases and PostgreSQL) mixed with hostile ones — NUL, unpaired surrogates, control
 * characters, right-to-left text, emoji, SQL and JSON fragments, huge strings, malformed ids,
 * impossible dates, out-of-range numbers, values of the wrong type.
 */

/** Objects the fuzzer collects ids of as responses come back, to aim at things that exist. */
export type PoolName =
  'Case' | 'Referral' | 'Person' | 'Unit' | 'Agency' | 'Officer' | 'caseReference' | 'cursor';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value to send, decided before the run; `ref` is resolved against the pools when sent. */
export type ValuePlan =
  | { kind: 'json'; value: Json }
  | { kind: 'enum'; value: string }
  | { kind: 'ref'; pool: PoolName; pick: number }
  | { kind: 'object'; fields: SlotPlan[] }
  | { kind: 'list'; items: ValuePlan[] };

/** An argument or input field: a value, or left out. */
export interface SlotPlan {
  name: string;
  value: ValuePlan | 'missing';
}

export const json = (value: Json): ValuePlan => ({ kind: 'json', value });

/** Pieces of hostile text, combined at random. */
const FRAGMENTS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00y',
  '\u202eevil\u202c',
  '\u200f\u2067',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦',
  '🇮🇩',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o',
  "'; DROP TABLE referral; --",
  "' OR '1'='1",
  '"',
  '\\',
  '{"a":[1,',
  ']}',
  'null',
  '\u001b[31mred',
  '\u0007',
  '\b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\ufeff',
  '\uffff',
  '\ufffd',
  '%00',
  '%s%n',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '0',
  '-1',
  'NaN',
  '1e309',
  'true',
  'SELECT pg_sleep(10)',
  '$1',
  '::uuid',
  "E'\\x00'",
  'Ⅻ',
  'ﬀ',
  'İ',
];

export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

/** Long strings around the documented limits (200, 2,000, 4,000, 10,000) and far beyond them. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', 'é', '𝔸', '語', 'ab\u0000', 'x ', '👩‍👩‍👧'),
    fc.constantFrom(201, 1001, 2001, 2800, 4001, 9000, 10_001, 60_000, 400_000),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Values of a type no argument has: for "wrong type" slots. */
export const wrongType: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  0,
  -1,
  1.5,
  true,
  false,
  'x',
  {},
  [],
  { a: 1 },
  [[null]],
  1e308,
);

const UUIDISH = [
  'not-a-uuid',
  '',
  ' ',
  '00000000-0000-0000-0000-000000000000',
  '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
  '3f2504e0-4f89-11d3-9a0c-0305e82c3301 ',
  '3f2504e0-4f89-11d3-9a0c-0305e82c330\u0000',
  '3f2504e04f8911d39a0c0305e82c3301',
  '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '1',
  '-1',
  "' OR 1=1 --",
];

export const idArb = (pool: PoolName | null): fc.Arbitrary<ValuePlan> =>
  fc.oneof(
    ...(pool
      ? [
          {
            weight: 60,
            arbitrary: fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool, pick })),
          },
        ]
      : []),
    { weight: 10, arbitrary: fc.uuid().map(json) },
    { weight: 20, arbitrary: fc.constantFrom(...UUIDISH).map(json) },
    { weight: 5, arbitrary: hostileString.map(json) },
    { weight: 5, arbitrary: fc.constantFrom<Json>(0, 12345, 2147483648).map(json) },
  );

export const intArb: fc.Arbitrary<ValuePlan> = fc
  .oneof(
    { weight: 45, arbitrary: fc.integer({ min: -3, max: 5 }) },
    { weight: 30, arbitrary: fc.constantFrom(1, 20, 50, 73, 100, 101, 1000) },
    { weight: 10, arbitrary: fc.constantFrom(2147483647, -2147483648, 2147483648, -2147483649) },
    { weight: 4, arbitrary: fc.constantFrom<Json>(1e20, -1e20, 1.5, -0.5) },
    { weight: 2, arbitrary: fc.constantFrom<Json>('5', true, '') },
  )
  .map(json);

export const floatArb: fc.Arbitrary<ValuePlan> = fc
  .oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom<Json>('1.5', true))
  .map(json);

export const booleanArb: fc.Arbitrary<ValuePlan> = fc
  .oneof(
    { weight: 9, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom<Json>('true', 1, 0) },
  )
  .map(json);

export const dateTimeArb: fc.Arbitrary<ValuePlan> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    },
    {
      weight: 7,
      arbitrary: fc.constantFrom<Json>(
        '2026-01-01T00:00:00Z',
        '2025-06-30T12:00:00+07:00',
        '0000-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '275760-09-13T00:00:00Z',
        '-000001-01-01T00:00:00Z',
        '2026-02-30T00:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-01-01T24:00:00Z',
        'yesterday',
        '',
        '2026-01-01',
        '1899-12-31T23:59:59Z',
        '9999-12-31T23:59:59Z',
        0,
        -1,
        8.64e15,
        true,
      ),
    },
  )
  .map(json);

export const enumArb = (values: string[]): fc.Arbitrary<ValuePlan> =>
  fc.oneof(
    {
      weight: 92,
      arbitrary: fc.constantFrom(...values).map((value): ValuePlan => ({ kind: 'enum', value })),
    },
    {
      weight: 5,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...values).map((v) => v.toLowerCase()),
          fc.constantFrom('NOT_A_VALUE', '__proto__', 'constructor'),
        )
        .map((value): ValuePlan => ({ kind: 'enum', value })),
    },
    { weight: 3, arbitrary: fc.constantFrom<Json>('', 1, true, 'URGENT ').map(json) },
  );

/** Cursors: ones the server issued, and forged base64url JSON of every wrong shape. */
const forgedCursor: fc.Arbitrary<Json> = fc
  .oneof(
    fc.constantFrom<Json>(
      ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
      ['not-a-date', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
      ['0000-01-01T00:00:00.000Z', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
      [1, 2],
      [null, null],
      ['a\u0000', 'b'],
      { a: 1 },
      'x',
      [],
    ),
    fc.jsonValue().map((v) => v as Json),
  )
  .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));

export const cursorArb: fc.Arbitrary<ValuePlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool: 'cursor', pick })),
  },
  { weight: 4, arbitrary: forgedCursor.map(json) },
  { weight: 2, arbitrary: fc.constantFrom<Json>('!!!', '====', '', 'e30', '%%%').map(json) },
);

const text = (...samples: string[]) => fc.constantFrom(...samples);

/** Text that is valid however odd: what must be stored and read back as sent. */
const ODD_BUT_VALID = [
  'Kasus uji',
  'Mohon fasilitasi pemulangan dari Phnom Penh',
  'Catatan 🇮🇩 dengan emoji 👩‍👩‍👧‍👦',
  'Baris satu\nBaris dua\tdengan tab\r\nBaris tiga',
  'ملاحظة باللغة العربية',
  'שלום עולם \u202eevil\u202c',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o',
  "O'Brien; DROP TABLE referral; --",
  '{"a":[1,2]} ${jndi:ldap://x/a} <script>alert(1)</script>',
  'İstanbul ﬀ Ⅻ \u200d\ufeff',
];

/** Valid values by argument or input-field name, for requests meant to get through. */
function validString(name: string): fc.Arbitrary<ValuePlan> {
  switch (name) {
    case 'title':
      return fc.oneof(text(...ODD_BUT_VALID), text('é'.repeat(200))).map(json);
    case 'summary':
    case 'outcome':
    case 'notes':
      return fc.oneof(text(...ODD_BUT_VALID), text('𝔸'.repeat(2000), 'x'.repeat(4000))).map(json);
    case 'note':
      return fc.oneof(text(...ODD_BUT_VALID), text('語'.repeat(2000))).map(json);
    case 'name':
    case 'displayName':
    case 'fullName':
      return text(...ODD_BUT_VALID.slice(0, 8)).map(json);
    case 'reference':
      return fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool: 'caseReference', pick }));
    case 'username':
      return fc.stringMatching(/^fuzz\.[a-z0-9]{4,10}$/).map(json);
    case 'password':
    case 'newPassword':
      return text('a-long-enough-passw0rd').map(json);
    case 'code':
      return fc.stringMatching(/^FUZZ-[A-Z0-9]{4,8}$/).map(json);
    case 'regionCode':
      return text('53', '53.71').map(json);
    case 'countryCode':
      return text('KH', 'MY').map(json);
    case 'timeZone':
      return text('Asia/Jakarta', 'Asia/Makassar').map(json);
    case 'nationalId':
      return text('5371014101990001').map(json);
    case 'passportNumber':
      return text('C4455667').map(json);
    case 'phone':
      return text('+6281234567890').map(json);
    case 'birthDate':
      return text('1998-03-14', '2015-07-01', '1900-01-01').map(json);
    case 'idempotencyKey':
      return fc.oneof(fc.uuid(), text('fuzz-key-1', 'kunci 🔑 idempotensi')).map(json);
    case 'after':
      return fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool: 'cursor', pick }));
    default:
      return plausibleString(name);
  }
}

/** Plausible strings by argument or input-field name, some of them invalid. */
function plausibleString(name: string): fc.Arbitrary<ValuePlan> {
  switch (name) {
    case 'title':
    case 'summary':
    case 'note':
    case 'notes':
    case 'outcome':
    case 'name':
    case 'displayName':
    case 'fullName':
      return text(
        'Kasus uji',
        'Mohon fasilitasi pemulangan dari Phnom Penh',
        'Catatan 🇮🇩 dengan emoji',
        'Baris satu\nBaris dua\tdengan tab',
        'ملاحظة باللغة العربية',
        'Siti Rahmawati',
        "O'Brien; DROP TABLE referral; --",
      ).map(json);
    case 'reference':
      return fc.oneof(
        fc.nat(1000).map((pick): ValuePlan => ({ kind: 'ref', pool: 'caseReference', pick })),
        text('TPPO-2026-000001', 'tppo-2026-000001', '%', '_').map(json),
      );
    case 'username':
      return text('kbri.phnompenh', 'fuzz.petugas', 'Fuzz User', 'x@y', 'a'.repeat(64)).map(json);
    case 'password':
    case 'newPassword':
    case 'currentPassword':
      return text('a-long-enough-passw0rd', 'short', '            ', 'x'.repeat(1025)).map(json);
    case 'code':
      return fc
        .oneof(fc.stringMatching(/^FUZZ-[A-Z0-9]{4,8}$/), text('KEMLU-PWNI', 'lower-case', 'X'))
        .map(json);
    case 'regionCode':
      return text('53', '53.71', '99', '5', 'x', '53.').map(json);
    case 'countryCode':
      return text('KH', 'MY', 'ZZ', 'kh', 'KHM').map(json);
    case 'timeZone':
      return text('Asia/Jakarta', 'Asia/Makassar', 'WITA', '+08:00', 'Mars/Olympus', 'UTC').map(
        json,
      );
    case 'nationalId':
      return text('5371014101990001', '123', '537101410199000X').map(json);
    case 'passportNumber':
      return text('C4455667', 'c4455667', 'AB', 'X1234567890123').map(json);
    case 'phone':
      return text('+6281234567890', '0812-3456-7890', 'call me').map(json);
    case 'birthDate':
      return text(
        '1998-03-14',
        '2015-07-01',
        '0000-01-01',
        '1899-12-31',
        '9999-12-31',
        '2026-02-30',
        '01-02-2000',
        '',
      ).map(json);
    case 'consentReference':
      return text('FORM-2026-01', 'berkas/123').map(json);
    case 'idempotencyKey':
      return fc.oneof(fc.uuid(), text('fuzz-key-1', 'fuzz-key-2', '   ')).map(json);
    case 'refreshToken':
      return fc.oneof(fc.base64String({ maxLength: 64 }), text('', 'x')).map(json);
    case 'after':
      return cursorArb;
    case 'afterSeq':
    case 'seq':
    case 'treeSize':
    case 'fromSize':
    case 'toSize':
      return text('1', '0', '-1', '99999999999999999999', 'abc', '1e3').map(json);
    default:
      return fc.string({ maxLength: 20 }).map(json);
  }
}

export function stringArb(name: string, gentle: boolean): fc.Arbitrary<ValuePlan> {
  if (gentle) return validString(name);
  if (name === 'after') return cursorArb;
  return fc.oneof(
    { weight: 50, arbitrary: plausibleString(name) },
    { weight: 32, arbitrary: hostileString.map(json) },
    { weight: 6, arbitrary: hugeString.map(json) },
    { weight: 12, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(json) },
  );
}
