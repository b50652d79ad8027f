import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** prevHash of seq 0. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
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
  const hashed: HashedEntry = {
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
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonicalJson(hashed), 'utf8')
    .digest('hex');
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

export function hashedEntryOf(entry: StoredEntry): HashedEntry {
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
