import { canonicalJson } from './canonical-json';
import { concat, fromHex64, sha256, toHex, utf8 } from './web-digest';

/** Exactly the 11 members an entry's hash covers (docs/ledger-format.md, "The hash"). */
export interface HashedEntry {
  seq: string;
  at: string;
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

/** entryHash = SHA-256(prevHash as 32 raw bytes ‖ UTF-8 of JCS(hashed entry)), lowercase hex. */
export async function entryHash(prevHash: string, entry: HashedEntry): Promise<string> {
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
  return toHex(await sha256(concat(fromHex64(prevHash), utf8(canonicalJson(hashed)))));
}

/** payloadDigest = SHA-256 of the payload's RFC 8785 canonical JSON, lowercase hex. */
export async function payloadDigest(payload: unknown): Promise<string> {
  return toHex(await sha256(utf8(canonicalJson(payload))));
}
