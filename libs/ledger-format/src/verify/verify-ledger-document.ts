import { entryHash, GENESIS_PREV_HASH, payloadDigest } from '../ledger-hash';
import {
  checkpointFingerprint,
  publicKeyFromRaw,
  verifyCheckpointSignature,
} from '../checkpoint/checkpoint-signature';
import { leafHash } from '../merkle/merkle-hash';
import { rootFromInclusionProof, verifyConsistency } from '../merkle/merkle-proof';
import { MerkleAccumulator } from '../merkle/merkle-accumulator';
import type {
  ExportedEntry,
  LedgerDocument,
  PublishedKeys,
  SignedCheckpoint,
} from './ledger-document';

export interface Verdict {
  ok: boolean;
  /** What was checked and held, in plain words, in the order it was checked. */
  verified: string[];
  /** The first failure: the seq it concerns (when it concerns an entry) and why. */
  failure?: { seq?: string; reason: string };
}

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * Checks a ledger export, range export or case dossier with nothing but the published keys:
 * every entry's hashes, the chain between consecutive entries, the checkpoint's signature, the
 * Merkle root (whole ledger) or each inclusion proof (range, dossier), and any consistency proof.
 * Stops at the first failure and names it.
 */
export function verifyLedgerDocument(doc: LedgerDocument, keys: PublishedKeys): Verdict {
  const verified: string[] = [];
  const fail = (reason: string, seq?: string): Verdict => ({
    ok: false,
    verified,
    failure: { seq, reason },
  });

  const signature = checkSignature(doc.checkpoint, keys);
  if (signature) return fail(`checkpoint: ${signature}`);
  verified.push(
    `checkpoint over ${doc.checkpoint.treeSize} entries signed by key ${doc.checkpoint.keyId}, fingerprint ${checkpointFingerprint(doc.checkpoint)}`,
  );
  const treeSize = Number(doc.checkpoint.treeSize);

  if (doc.declaredCount !== undefined && doc.declaredCount !== doc.entries.length) {
    return fail(
      `the export announces ${doc.declaredCount} entries but holds ${doc.entries.length}`,
    );
  }

  // Entry hashes, and the chain wherever entries are consecutive; for a whole ledger, the Merkle
  // root of the first treeSize entries in the same pass, in O(log n) memory.
  const accumulator = doc.kind === 'ledger' ? new MerkleAccumulator() : undefined;
  const broken = verifyEntries(doc.entries, (entry, index) => {
    if (accumulator && index < treeSize) accumulator.appendEntryHash(entry.entryHash);
  });
  if (broken) return fail(broken.reason, broken.seq);
  verified.push(`${doc.entries.length} entries: payload digests and entry hashes recompute`);

  if (accumulator) {
    const gap = firstGap(doc.entries);
    if (gap !== undefined) {
      return fail(`seq ${gap} is missing or out of place (entries must run 0, 1, 2, …)`, gap);
    }
    if (doc.entries.length < treeSize) {
      return fail(
        `the checkpoint covers ${treeSize} entries but the export holds ${doc.entries.length}: seq ${doc.entries.length} onwards are missing`,
        String(doc.entries.length),
      );
    }
    verified.push(`chain links from seq 0 to ${doc.entries.length - 1}`);
    if (accumulator.root().toString('hex') !== doc.checkpoint.rootHash) {
      // Every hash recomputed, yet the root differs: the chain was rebuilt after a change.
      return fail(
        `the first ${treeSize} entries are not the ones the checkpoint signed (Merkle root differs)`,
      );
    }
    verified.push(`Merkle root of entries 0…${treeSize - 1} equals the signed root`);
  } else {
    for (const entry of doc.entries) {
      const problem = checkInclusion(entry, doc.checkpoint);
      if (problem) return fail(problem, entry.seq);
    }
    verified.push(`every entry is included in the signed tree (inclusion proofs)`);
  }

  for (const proof of doc.consistency ?? []) {
    for (const checkpoint of [proof.from, proof.to]) {
      const problem = checkSignature(checkpoint, keys);
      if (problem) return fail(`consistency checkpoint: ${problem}`);
    }
    const ok = verifyConsistency(
      Number(proof.from.treeSize),
      Number(proof.to.treeSize),
      Buffer.from(proof.from.rootHash, 'hex'),
      Buffer.from(proof.to.rootHash, 'hex'),
      proof.path.map((h) => Buffer.from(h, 'hex')),
    );
    if (!ok) {
      return fail(
        `the tree of ${proof.to.treeSize} entries does not extend the one of ${proof.from.treeSize}`,
      );
    }
    verified.push(
      `the tree of ${proof.to.treeSize} entries extends the one of ${proof.from.treeSize} (consistency proof)`,
    );
  }
  return { ok: true, verified };
}

function checkSignature(checkpoint: SignedCheckpoint, keys: PublishedKeys): string | undefined {
  if (!/^\d+$/.test(checkpoint.treeSize)) return 'treeSize is not a decimal number';
  if (!HEX_64.test(checkpoint.rootHash)) return 'rootHash is not 64 hex characters';
  const key = keys.keys.find((k) => k.keyId === checkpoint.keyId);
  if (!key) return `key ${checkpoint.keyId} is not among the published keys`;
  let publicKey;
  try {
    publicKey = publicKeyFromRaw(key.publicKey);
  } catch {
    return `published key ${key.keyId} is not an Ed25519 public key`;
  }
  if (!verifyCheckpointSignature(checkpoint, checkpoint.signature, publicKey)) {
    return 'the signature does not verify';
  }
  return undefined;
}

function checkInclusion(entry: ExportedEntry, checkpoint: SignedCheckpoint): string | undefined {
  const proof = entry.inclusionProof;
  if (!proof) return 'no inclusion proof';
  if (proof.treeSize !== checkpoint.treeSize) {
    return `inclusion proof is for a tree of ${proof.treeSize}, the checkpoint covers ${checkpoint.treeSize}`;
  }
  if (!proof.auditPath.every((h) => HEX_64.test(h)))
    return 'inclusion proof holds a malformed hash';
  const root = rootFromInclusionProof(
    Number(entry.seq),
    Number(checkpoint.treeSize),
    leafHash(entry.entryHash),
    proof.auditPath.map((h) => Buffer.from(h, 'hex')),
  );
  if (!root || root.toString('hex') !== checkpoint.rootHash) {
    return 'not included in the signed tree: the inclusion proof does not lead to the signed root';
  }
  return undefined;
}

/**
 * One pass over the entries, as verifyChain checks a run, without copying them: where an entry's
 * seq follows the previous one, its prevHash must be the previous entryHash (64 zeros at seq 0);
 * every payloadDigest and entryHash must recompute. `visit` sees each entry that held.
 */
function verifyEntries(
  entries: readonly ExportedEntry[],
  visit: (entry: ExportedEntry, index: number) => void,
): { seq: string; reason: string } | undefined {
  let previousSeq = -1n;
  let previousHash: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const seq = BigInt(entry.seq);
    const expectedPrev =
      seq === 0n ? GENESIS_PREV_HASH : seq === previousSeq + 1n ? previousHash : undefined;
    if (expectedPrev !== undefined && entry.prevHash !== expectedPrev) {
      return { seq: entry.seq, reason: 'prevHash does not link' };
    }
    if (payloadDigest(entry.payload) !== entry.payloadDigest) {
      return { seq: entry.seq, reason: 'payloadDigest does not match the payload' };
    }
    // An exported entry holds the hashed fields under their hashed names: it is hashed as it stands,
    // `at` included — the string shown is the string hashed (docs/ledger-format.md).
    if (entryHash(entry.prevHash, entry) !== entry.entryHash) {
      return { seq: entry.seq, reason: 'entryHash does not recompute' };
    }
    visit(entry, i);
    previousSeq = seq;
    previousHash = entry.entryHash;
  }
  return undefined;
}

/** The first position whose entry is not the seq it should hold: that seq is missing. */
function firstGap(entries: readonly ExportedEntry[]): string | undefined {
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].seq !== String(i)) return String(i);
  }
  return undefined;
}
