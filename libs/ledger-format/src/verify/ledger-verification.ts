import { entryHash, entryHashAfter, GENESIS_PREV_HASH, payloadDigest } from '../ledger-hash';
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
  LedgerDocumentHead,
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
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The first thing that went wrong in one kind of check: a finding, or what was thrown. */
type First = { seq: string; reason: string } | { thrown: unknown };

/**
 * verifyLedgerDocument one entry at a time, holding nothing per entry: what simpul-verify runs
 * while it reads an export of any length. `add` each entry in document order, then `finish` with
 * the count the document announced. The verdict is the one verifyLedgerDocument gives for the
 * whole document — the same checks, the same order of precedence, the same words:
 *
 * 1. the checkpoint's signature; 2. the announced count; 3. the first entry whose hashes or link do
 * not hold (an error thrown while hashing one, such as a malformed prevHash, is thrown at its
 * place in that order); 4. for a whole ledger, the first missing seq, a short tail and the Merkle
 * root; for a range or dossier, the first entry whose inclusion proof fails; 5. consistency proofs.
 *
 * Every check of an entry runs when it arrives; only its verdict waits for the checks before it.
 */
export class LedgerVerification {
  private readonly signatureProblem: string | undefined;
  private readonly treeSize: number;
  private readonly accumulator: MerkleAccumulator | undefined;
  private count = 0;
  /** The last entry that held: its seq (a number while it is a safe integer) and entryHash. */
  private previousSeq: number | bigint = -1;
  private previousHash: string | undefined;
  private broken: First | undefined;
  private gap: string | undefined;
  private inclusion: First | undefined;

  constructor(
    private readonly head: LedgerDocumentHead,
    private readonly keys: PublishedKeys,
  ) {
    this.signatureProblem = checkSignature(head.checkpoint, keys);
    this.treeSize = Number(head.checkpoint.treeSize);
    // A whole ledger: the Merkle root of the first treeSize entries is folded in the same pass,
    // in O(log n) memory.
    this.accumulator = head.kind === 'ledger' ? new MerkleAccumulator() : undefined;
  }

  add(entry: ExportedEntry): void {
    const index = this.count++;
    // Nothing after a bad signature is looked at, and nothing after the first broken entry
    // changes the verdict but a missing seq, which is looked for over every entry.
    if (this.signatureProblem !== undefined) return;
    // A whole ledger runs 0, 1, 2, …; a range export from F runs F, F+1, …
    const first = this.accumulator ? 0 : this.head.range?.from;
    if (first !== undefined && this.gap === undefined && entry.seq !== String(first + index)) {
      this.gap = String(first + index);
    }
    if (this.broken !== undefined) return;
    try {
      const problem = this.checkEntry(entry);
      if (problem) {
        this.broken = { seq: entry.seq, reason: problem };
        return;
      }
    } catch (thrown) {
      this.broken = { thrown };
      return;
    }
    if (this.accumulator) {
      if (index < this.treeSize) this.accumulator.appendEntryHash(entry.entryHash);
    } else if (this.inclusion === undefined) {
      try {
        const problem = checkInclusion(entry, this.head.checkpoint);
        if (problem) this.inclusion = { seq: entry.seq, reason: problem };
      } catch (thrown) {
        this.inclusion = { thrown };
      }
    }
  }

  finish(declaredCount?: number): Verdict {
    const verified: string[] = [];
    const fail = (reason: string, seq?: string): Verdict => ({
      ok: false,
      verified,
      failure: { seq, reason },
    });
    const failWith = (first: First): Verdict => {
      if ('thrown' in first) throw first.thrown;
      return fail(first.reason, first.seq);
    };
    const { checkpoint } = this.head;
    if (this.signatureProblem) return fail(`checkpoint: ${this.signatureProblem}`);
    verified.push(
      `checkpoint over ${checkpoint.treeSize} entries signed by key ${checkpoint.keyId}, fingerprint ${checkpointFingerprint(checkpoint)}`,
    );
    if (declaredCount !== undefined && declaredCount !== this.count) {
      return fail(`the export announces ${declaredCount} entries but holds ${this.count}`);
    }
    if (this.broken) return failWith(this.broken);
    verified.push(`${this.count} entries: payload digests and entry hashes recompute`);
    if (this.accumulator) {
      if (this.gap !== undefined) {
        return fail(
          `seq ${this.gap} is missing or out of place (entries must run 0, 1, 2, …)`,
          this.gap,
        );
      }
      if (this.count < this.treeSize) {
        return fail(
          `the checkpoint covers ${this.treeSize} entries but the export holds ${this.count}: seq ${this.count} onwards are missing`,
          String(this.count),
        );
      }
      verified.push(`chain links from seq 0 to ${this.count - 1}`);
      if (this.accumulator.root().toString('hex') !== checkpoint.rootHash) {
        // Every hash recomputed, yet the root differs: the chain was rebuilt after a change.
        return fail(
          `the first ${this.treeSize} entries are not the ones the checkpoint signed (Merkle root differs)`,
        );
      }
      verified.push(`Merkle root of entries 0…${this.treeSize - 1} equals the signed root`);
    } else {
      const range = this.head.range;
      if (range) {
        const { from, to } = range;
        const expected = `a range from ${from} to ${to} holds seq ${from} … ${to - 1}`;
        if (this.gap !== undefined) {
          return fail(`seq ${this.gap} is missing or out of place (${expected})`, this.gap);
        }
        if (this.count !== to - from) {
          const next = String(from + Math.min(this.count, to - from));
          return fail(
            this.count < to - from
              ? `seq ${next} onwards are missing (${expected})`
              : `entries past seq ${to - 1} (${expected})`,
            next,
          );
        }
      }
      if (this.inclusion) return failWith(this.inclusion);
      verified.push(`every entry is included in the signed tree (inclusion proofs)`);
    }
    for (const proof of this.head.consistency ?? []) {
      for (const signed of [proof.from, proof.to]) {
        const problem = checkSignature(signed, this.keys);
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

  /**
   * One entry as verifyChain checks a run, without copying it: where its seq follows the previous
   * one, its prevHash must be the previous entryHash (64 zeros at seq 0); its payloadDigest and
   * entryHash must recompute. An exported entry holds the hashed fields under their hashed names:
   * it is hashed as it stands, `at` included — the string shown is the string hashed
   * (docs/ledger-format.md).
   */
  private checkEntry(entry: ExportedEntry): string | undefined {
    // The seq after the previous one, written as String writes it, is known without parsing it
    // (a BigInt per entry was a measurable share of the verifier's time); anything else is parsed.
    const previous = this.previousSeq;
    let seq: number | bigint;
    let follows: boolean;
    if (
      typeof previous === 'number' &&
      previous < Number.MAX_SAFE_INTEGER &&
      entry.seq === String(previous + 1)
    ) {
      seq = previous + 1;
      follows = true;
    } else {
      const parsed = BigInt(entry.seq);
      follows = parsed === BigInt(previous) + 1n;
      seq = parsed >= 0n && parsed <= MAX_SAFE ? Number(parsed) : parsed;
    }
    const expectedPrev = seq === 0 ? GENESIS_PREV_HASH : follows ? this.previousHash : undefined;
    if (expectedPrev !== undefined && entry.prevHash !== expectedPrev) {
      return 'prevHash does not link';
    }
    if (payloadDigest(entry.payload) !== entry.payloadDigest) {
      return 'payloadDigest does not match the payload';
    }
    // A linked prevHash is one this pass computed (or the genesis): known to be well formed.
    const recomputed =
      expectedPrev !== undefined
        ? entryHashAfter(entry.prevHash, entry)
        : entryHash(entry.prevHash, entry);
    if (recomputed !== entry.entryHash) return 'entryHash does not recompute';
    this.previousSeq = seq;
    this.previousHash = entry.entryHash;
    return undefined;
  }
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
