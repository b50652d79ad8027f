import { hash } from 'node:crypto';
import { canonicalJson, canonicalJsonString } from './canonical-json';

/** prevHash of seq 0. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

export function sha256Hex(data: string | Uint8Array): string {
  // One call, no Hash object: the verifier hashes two of these per entry.
  return hash('sha256', data, 'hex');
}

/** Digest of a note's UTF-8 text; the text itself stays in handoff_note, off the ledger. */
export const noteDigest = (text: string): string => sha256Hex(text);

/** Digest of an entry's payload: SHA-256 of its RFC 8785 canonical JSON. */
export const payloadDigest = (payload: Record<string, unknown>): string =>
  sha256Hex(canonicalJson(payload));

/** Exactly the fields that an entry's hash covers (docs/ledger-format.md). */
export interface HashedEntry {
  /** bigint as a decimal string */
  seq: string;
  /** `Date.toISOString()`: UTC with milliseconds */
  at: string;
  /** a HandoffAction code; the format hashes any code as text */
  action: string;
  actor: string | null;
  fromUnit: string | null;
  toUnit: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  noteDigest: string | null;
  payloadDigest: string;
}

/** entryHash = SHA-256(prevHash as 32 raw bytes ‖ UTF-8 of canonical JSON of the hashed entry). */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  if (!HEX_64.test(prevHash)) throw new Error('prevHash must be 64 lowercase hex characters');
  return entryHashAfter(prevHash, entry);
}

/**
 * entryHash for a prevHash already known to be 64 lowercase hex characters — the verifier's
 * linked entries, whose prevHash equals the entryHash it just computed — without checking it again.
 */
export function entryHashAfter(prevHash: string, entry: HashedEntry): string {
  const json = canonicalHashedEntry(entry);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: room enough without measuring the string.
  const input = scratch(32 + 3 * json.length);
  input.write(prevHash, 0, 32, 'hex');
  const length = 32 + input.write(json, 32, 'utf8');
  return hash('sha256', input.subarray(0, length), 'hex');
}

let scratchBuffer = Buffer.alloc(4096);

/** A reused buffer of exactly `size` bytes (hashing is synchronous: nothing else holds it). */
function scratch(size: number): Buffer {
  if (scratchBuffer.length < size)
    scratchBuffer = Buffer.alloc(Math.max(size, 2 * scratchBuffer.length));
  return scratchBuffer.subarray(0, size);
}

/** The hashed fields in RFC 8785 order (sorted by UTF-16 code units), each with its JSON key. */
const HASHED_FIELDS = (
  [
    'seq',
    'at',
    'action',
    'actor',
    'fromUnit',
    'toUnit',
    'caseId',
    'referralId',
    'alertId',
    'noteDigest',
    'payloadDigest',
  ] as const
)
  .slice()
  .sort()
  .map((field) => ({ field, key: `${JSON.stringify(field)}:` }));

/**
 * canonicalJson of exactly the hashed fields, written in their known order: the same bytes as the
 * generic walk without sorting keys per entry (the verifier does this a million times). When every
 * field is a string or null and no string needs escaping — ids, codes, times and hex digests never
 * do — each value is written between quotes as it stands; one JSON.stringify of all the values
 * together says whether any needs escaping (every escape lengthens the output, and a lone
 * surrogate is escaped too). Otherwise each value is written by canonicalJsonString, and a field
 * that is neither a string nor null (a malformed export) takes the generic walk.
 */
export function canonicalHashedEntry(entry: HashedEntry): string {
  const { action, actor, alertId, at, caseId, fromUnit, noteDigest, payloadDigest, referralId } =
    entry;
  const { seq, toUnit } = entry;
  if (
    typeof action === 'string' &&
    typeof at === 'string' &&
    typeof payloadDigest === 'string' &&
    typeof seq === 'string' &&
    textOrNull(actor) &&
    textOrNull(alertId) &&
    textOrNull(caseId) &&
    textOrNull(fromUnit) &&
    textOrNull(noteDigest) &&
    textOrNull(referralId) &&
    textOrNull(toUnit)
  ) {
    // null reads as "null" here, which needs no escaping either. The commas keep a high surrogate
    // ending one value and a low one starting the next from passing for a pair.
    const values = `${action},${actor},${alertId},${at},${caseId},${fromUnit},${noteDigest},${payloadDigest},${referralId},${seq},${toUnit}`;
    if (JSON.stringify(values).length === values.length + 2) {
      return `{"action":"${action}","actor":${quoted(actor)},"alertId":${quoted(alertId)},"at":"${at}","caseId":${quoted(caseId)},"fromUnit":${quoted(fromUnit)},"noteDigest":${quoted(noteDigest)},"payloadDigest":"${payloadDigest}","referralId":${quoted(referralId)},"seq":"${seq}","toUnit":${quoted(toUnit)}}`;
    }
  }
  let out = '{';
  for (let i = 0; i < HASHED_FIELDS.length; i++) {
    const { field, key } = HASHED_FIELDS[i];
    const value: unknown = entry[field];
    if (value !== null && typeof value !== 'string') return canonicalJson(hashedFieldsOf(entry));
    out += `${i ? ',' : ''}${key}${value === null ? 'null' : canonicalJsonString(value)}`;
  }
  return `${out}}`;
}

const textOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

/** A string that needs no escaping, in quotes; null as null. */
const quoted = (value: string | null): string => (value === null ? 'null' : `"${value}"`);

function hashedFieldsOf(entry: HashedEntry): HashedEntry {
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actor: entry.actor,
    fromUnit: entry.fromUnit,
    toUnit: entry.toUnit,
    caseId: entry.caseId,
    referralId: entry.referralId,
    alertId: entry.alertId,
    noteDigest: entry.noteDigest,
    payloadDigest: entry.payloadDigest,
  };
}

/** A stored entry as the ledger_entry table (and LedgerEntryEntity) holds it. */
export interface StoredEntry {
  seq: string;
  at: Date;
  /** a HandoffAction code; the format hashes any code as text */
  action: string;
  actorId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  caseId: string | null;
  referralId: string | null;
  alertId: string | null;
  noteDigest: string | null;
  payload: Record<string, unknown>;
  payloadDigest: string;
  prevHash: string;
  entryHash: string;
}

/** The stored fields an entry's hash covers (payload only through its digest). */
export type HashedFields = Omit<StoredEntry, 'payload' | 'prevHash' | 'entryHash'>;

export function hashedEntryOf(entry: HashedFields): HashedEntry {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    action: entry.action,
    actor: entry.actorId,
    fromUnit: entry.fromUnitId,
    toUnit: entry.toUnitId,
    caseId: entry.caseId,
    referralId: entry.referralId,
    alertId: entry.alertId,
    noteDigest: entry.noteDigest,
    payloadDigest: entry.payloadDigest,
  };
}

export type ChainVerdict = { ok: true } | { ok: false; seq: string; reason: string };

/**
 * Checks a run of consecutive entries in seq order: no gaps, each prevHash is the previous
 * entryHash (64 zeros before seq 0), each payloadDigest matches the payload and each entryHash
 * recomputes. `prevHash` is the entryHash just before the first entry when the run does not start
 * at seq 0 (without it the first entry's stored prevHash is taken on trust).
 */
export function verifyChain(
  entries: readonly StoredEntry[],
  options: { prevHash?: string } = {},
): ChainVerdict {
  let expectedPrev: string | undefined = options.prevHash;
  let expectedSeq: bigint | undefined;
  for (const entry of entries) {
    const seq = BigInt(entry.seq);
    const broken = (reason: string): ChainVerdict => ({ ok: false, seq: entry.seq, reason });
    if (expectedSeq !== undefined && seq !== expectedSeq)
      return broken(`expected seq ${expectedSeq}`);
    if (seq === 0n) expectedPrev = GENESIS_PREV_HASH;
    if (expectedPrev !== undefined && entry.prevHash !== expectedPrev)
      return broken('prevHash does not link');
    if (payloadDigest(entry.payload) !== entry.payloadDigest)
      return broken('payloadDigest does not match the payload');
    if (entryHash(entry.prevHash, hashedEntryOf(entry)) !== entry.entryHash)
      return broken('entryHash does not recompute');
    expectedPrev = entry.entryHash;
    expectedSeq = seq + 1n;
  }
  return { ok: true };
}
