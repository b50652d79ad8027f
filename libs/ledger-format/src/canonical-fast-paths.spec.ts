import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson } from './canonical-json';
import { canonicalHashedEntry, type HashedEntry } from './ledger-hash';

/** Any UTF-16 code unit, lone surrogates and controls included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  maxLength: 12,
});
const field = fc.oneof(codeUnits, fc.constant(null), fc.uuid(), fc.constant('\ud83d\ude00'));

const hashedEntry = fc.record({
  seq: fc.oneof(codeUnits, fc.bigInt({ min: 0n }).map(String)),
  at: fc.oneof(
    codeUnits,
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
  action: codeUnits,
  actor: field,
  fromUnit: field,
  toUnit: field,
  caseId: field,
  referralId: field,
  alertId: field,
  noteDigest: field,
  payloadDigest: codeUnits,
}) as fc.Arbitrary<HashedEntry>;

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Own properties in the given order (Object.fromEntries would treat "__proto__" as a key too). */
function fromEntries(entries: [string, unknown][]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(record, key, { value, enumerable: true });
  return record;
}

/** What a call gives: its string, or the class of error it throws. */
function outcome(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

describe('the verifier’s fast canonical JSON', () => {
  it('writes a hashed entry byte for byte as the generic RFC 8785 walk does, or refuses it alike', () => {
    fc.assert(
      fc.property(hashedEntry, (entry) => {
        expect(outcome(() => canonicalHashedEntry(entry))).toBe(
          outcome(() => canonicalJson({ ...entry })),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the generic walk, which refuses it, for a field that is not a string or null', () => {
    const entry = { seq: 1, at: 'x' } as unknown as HashedEntry;
    expect(() => canonicalHashedEntry(entry)).toThrow(CanonicalJsonError);
  });

  it('still names where a nested value is not JSON', () => {
    expect(() => canonicalJson({ a: [1, { b: '\udc00' }] })).toThrow(
      /\$\.a\[1\]\.b: string holds a lone surrogate/,
    );
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow(/\$\.a\.b: NaN/);
  });

  it('writes an object whose keys are already in order as it writes the same object in any other order', () => {
    // Already in RFC 8785 order, JSON.stringify writes it in one call; out of order, the walk sorts.
    const value = fc.oneof(codeUnits, fc.integer(), fc.double(), fc.constant(null), fc.boolean());
    const record = fc.dictionary(codeUnits, fc.oneof(value, fc.array(value, { maxLength: 3 })), {
      minKeys: 2,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 3 }), (records) => {
        const ordered = records.map((r) => fromEntries(Object.entries(r).sort(byKey)));
        const reversed = records.map((r) => fromEntries(Object.entries(r).sort(byKey).reverse()));
        expect(outcome(() => canonicalJson({ a: ordered }))).toBe(
          outcome(() => canonicalJson({ a: reversed })),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('parses back to the same value, keys sorted, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = canonicalJson(value);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(json))).toBe(json);
      }),
      { numRuns: 1000 },
    );
  });
});
