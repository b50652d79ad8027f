import { verifyChain, type StoredEntry } from '../ledger-hash';
import {
  checkpointFingerprint,
  publicKeyFromRaw,
  verifyCheckpointSignature,
} from '../checkpoint/checkpoint-signature';
import { leafHash } from '../merkle/merkle-hash';
import { rootFromInclusionProof, treeRoot, verifyConsistency } from '../merkle/merkle-proof';
import { inMemoryNodes } from '../merkle/merkle-node-store';
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

  // Entry hashes, and the chain wherever entries are consecutive.
  for (const run of consecutiveRuns(doc.entries)) {
    const verdict = verifyChain(run.map(storedEntryOf));
    if (!verdict.ok) return fail(verdict.reason, verdict.seq);
  }
  verified.push(`${doc.entries.length} entries: payload digests and entry hashes recompute`);

  if (doc.kind === 'ledger') {
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
    const root = treeRoot(
      treeSize,
      inMemoryNodes(doc.entries.slice(0, treeSize).map((e) => e.entryHash)),
    );
    if (root.toString('hex') !== doc.checkpoint.rootHash) {
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

function storedEntryOf(entry: ExportedEntry): StoredEntry {
  return {
    seq: entry.seq,
    at: new Date(entry.at),
    action: entry.action,
    actorId: entry.actor,
    fromUnitId: entry.fromUnit,
    toUnitId: entry.toUnit,
    caseId: entry.caseId,
    referralId: entry.referralId,
    alertId: entry.alertId,
    noteDigest: entry.noteDigest,
    payload: entry.payload,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
    entryHash: entry.entryHash,
  };
}

/** Splits entries into runs of consecutive seqs; each run's chain can be checked on its own. */
function consecutiveRuns(entries: readonly ExportedEntry[]): ExportedEntry[][] {
  const runs: ExportedEntry[][] = [];
  for (const entry of entries) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && BigInt(entry.seq) === BigInt(last.seq) + 1n) run.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

/** The first position whose entry is not the seq it should hold: that seq is missing. */
function firstGap(entries: readonly ExportedEntry[]): string | undefined {
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].seq !== String(i)) return String(i);
  }
  return undefined;
}
