/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). The ledger hashes canonical JSON so that anyone can
 * recompute an entry's hash from its fields with any RFC 8785 implementation, whatever the key
 * order or whitespace of the copy they hold.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A lone UTF-16 surrogate is not valid I-JSON (RFC 7493), which RFC 8785 requires as input. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class CanonicalJsonError extends Error {
  constructor(path: string, problem: string) {
    super(`Cannot canonicalise JSON at ${path}: ${problem}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  if (inCanonicalOrder(value)) {
    // JSON.stringify writes keys in Object.keys order, which here is already RFC 8785's, and
    // escapes strings and writes numbers exactly as RFC 8785 does; only a lone surrogate, which
    // it escapes as \udxxx where RFC 8785 refuses the input, needs the walk below to decide.
    const json = JSON.stringify(value);
    if (!json.includes('\\ud')) return json;
  }
  try {
    return fast(value);
  } catch (error) {
    if (error !== NOT_CANONICAL) throw error;
    // Something is not JSON: the careful walk below says what and where.
    return serialise(value, '$');
  }
}

/**
 * One JSON string as RFC 8785 writes it. JSON.stringify escapes a lone surrogate as `\udxxx`
 * (lowercase, ECMAScript's well-formed JSON.stringify), so only an output holding `\ud` needs the
 * surrogate check: most strings (ids, codes, hex digests) skip it.
 */
export function canonicalJsonString(value: string): string {
  const json = JSON.stringify(value);
  if (json.includes('\\ud') && LONE_SURROGATE.test(value)) {
    throw new CanonicalJsonError('$', 'string holds a lone surrogate');
  }
  return json;
}

function fastString(value: string): string {
  const json = JSON.stringify(value);
  if (json.includes('\\ud') && LONE_SURROGATE.test(value)) throw NOT_CANONICAL;
  return json;
}

/**
 * Whether `value` is JSON whose every object already lists its keys in RFC 8785 order (strictly
 * increasing UTF-16 code units): then JSON.stringify alone writes it canonically, in one native
 * call instead of one per key and value. Payloads the hub writes usually are; anything else
 * (unsorted keys, a NaN, a Date) goes the way it always went.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        if (i > 0 && !(keys[i - 1] < keys[i])) return false;
        if (!inCanonicalOrder(record[keys[i]])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** Thrown by the fast path for anything that is not JSON; canonicalJson then names it. */
const NOT_CANONICAL = new Error('not canonical JSON');

/**
 * The same serialisation as `serialise` without building a path for every value (the verifier
 * canonicalises two objects per entry, a million entries at a time): it only says *that* the
 * value is not JSON, and `serialise` is asked again for the message.
 */
function fast(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return fastString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw NOT_CANONICAL;
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + fast(value[i]);
        return `${out}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw NOT_CANONICAL;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        out += `${i ? ',' : ''}${memberName(keys[i])}${fast(record[keys[i]])}`;
      }
      return `${out}}`;
    }
    default:
      throw NOT_CANONICAL;
  }
}

/**
 * `"key":` for an object key, remembered: payloads of one ledger reuse a few dozen keys, so a
 * lookup replaces a JSON.stringify per key. Bounded, so that a file of endless distinct keys
 * costs no more than before.
 */
const memberNames = new Map<string, string>();

function memberName(key: string): string {
  let name = memberNames.get(key);
  if (name === undefined) {
    name = `${fastString(key)}:`;
    if (memberNames.size < 10_000) memberNames.set(key, name);
  }
  return name;
}

function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // ECMAScript Number-to-String is exactly what RFC 8785 §3.2.2.3 prescribes (-0 becomes 0).
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      return serialiseString(value, path);
    case 'object':
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => serialise(item, `${path}[${i}]`)).join(',')}]`;
      }
      if (
        Object.getPrototypeOf(value) !== Object.prototype &&
        Object.getPrototypeOf(value) !== null
      ) {
        // A Date or a class instance has no single JSON form; callers convert it first.
        throw new CanonicalJsonError(path, 'only plain objects are JSON objects');
      }
      return serialiseObject(value as Record<string, unknown>, path);
    default:
      // undefined, bigint, function, symbol: JSON.stringify would drop or throw; a hash must not guess.
      throw new CanonicalJsonError(path, `${typeof value} is not a JSON value`);
  }
}

function serialiseString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value))
    throw new CanonicalJsonError(path, 'string holds a lone surrogate');
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2: \b \t \n \f \r \" \\ as two characters,
  // other controls as \u00xx (lowercase hex), everything else (including '/') verbatim.
  return JSON.stringify(value);
}

function serialiseObject(value: Record<string, unknown>, path: string): string {
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units (RFC 8785 §3.2.3).
  const keys = Object.keys(value).sort();
  const members = keys.map(
    (key) => `${serialiseString(key, path)}:${serialise(value[key], `${path}.${key}`)}`,
  );
  return `{${members.join(',')}}`;
}
