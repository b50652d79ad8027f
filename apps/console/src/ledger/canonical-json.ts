/**
 * RFC 8785 JSON Canonicalization Scheme, as docs/ledger-format.md ("The hash") prescribes, for the
 * browser: the console recomputes ledger hashes itself rather than trusting the hub's. The same
 * rules as libs/ledger-format/src/canonical-json.ts (test/unit/console-ledger-verification.spec.ts
 * compares the two on the same values), written again because that lib hashes with node:crypto.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // ECMAScript's Number-to-String is RFC 8785's number form.
      if (!Number.isFinite(value)) throw new Error(`${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      return canonicalString(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const record = value as Record<string, unknown>;
      // sort() without a comparator orders by UTF-16 code units, as RFC 8785 §3.2.3 asks.
      const members = Object.keys(record)
        .sort()
        .map((key) => `${canonicalString(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new Error(`${typeof value} is not a JSON value`);
  }
}

function canonicalString(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new Error('a string holds a lone surrogate');
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2.
  return JSON.stringify(value);
}
