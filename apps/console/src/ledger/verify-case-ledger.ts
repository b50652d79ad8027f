import {
  checkpointFingerprint,
  checkpointSignatureProblem,
  type PublishedKeys,
  type SignatureProblem,
  type SignedCheckpoint,
} from './checkpoint-signature';
import { entryHash, payloadDigest, type HashedEntry } from './entry-hash';
import { leafHash, rootFromInclusionProof } from './merkle-inclusion';
import { fromHex64, isHex64, sha256Hex, toHex, WebCryptoUnavailable } from './web-digest';

/** One entry of a case's timeline as the API returns it to an auditor. */
export interface TimelineEntryToVerify {
  seq: string;
  at: string;
  action: string;
  prevHash: string;
  entryHash: string;
  /** The note text shown, when there is one: it must match the hashed noteDigest. */
  note: string | null;
  /** Ids of what the timeline shows (null where it shows nothing). */
  actorId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  /** What the hash covers; payload as RFC 8785 JSON text. Null when the API withheld it. */
  hashed: (HashedEntry & { payload: string }) | null;
}

export interface InclusionProofFromApi {
  seq: string;
  treeSize: string;
  auditPath: string[];
}

export interface CaseLedgerInput {
  entries: readonly TimelineEntryToVerify[];
  /** The latest signed checkpoint, which the proofs are asked against; null before the first. */
  checkpoint: SignedCheckpoint | null;
  keys: PublishedKeys;
  inclusionProof: (seq: string, treeSize: string) => Promise<InclusionProofFromApi>;
  /** Called after each entry is checked. */
  onProgress?: (checked: number, total: number) => void;
}

/** Why an entry failed, in the order the checks run. */
export type EntryProblem =
  | 'NOT_HASHED' // the API gave no hashed fields
  | 'SHOWN_DIFFERS' // what the timeline shows is not what was hashed
  | 'PAYLOAD_DIGEST' // the payload does not give payloadDigest
  | 'NOTE_DIGEST' // the note shown does not give noteDigest
  | 'ENTRY_HASH' // entryHash does not recompute from the hashed fields
  | 'CHAIN' // consecutive entries: prevHash is not the previous entryHash
  | 'NOT_INCLUDED'; // the inclusion proof does not lead to the signed root

export type CheckpointProblem = SignatureProblem | 'NO_WEBCRYPTO';

export interface CheckpointSummary {
  treeSize: string;
  issuedAt: string;
  keyId: string;
  fingerprint: string;
}

export type CaseLedgerVerdict =
  | {
      ok: true;
      /** Entries whose hashes recompute and whose inclusion in the signed tree is proven. */
      verified: number;
      /**
       * Newer entries the checkpoint does not cover yet (all of them before the first checkpoint):
       * hashes recompute, inclusion unproven.
       */
      uncovered: number;
      /** null when no checkpoint is signed yet. */
      checkpoint: CheckpointSummary | null;
    }
  | { ok: false; checkpointProblem: CheckpointProblem }
  | {
      ok: false;
      /** Position in the timeline (0-based), the entry's seq and action. */
      entry: { index: number; seq: string; action: string };
      problem: EntryProblem;
      checkpoint: CheckpointSummary | null;
    };

/** How many inclusion proofs are asked for at once. */
const PROOFS_IN_FLIGHT = 4;

/**
 * Verifies a case's timeline in the browser, trusting neither the hub nor the network between:
 * the checkpoint's Ed25519 signature under the published key; then, entry by entry in ledger
 * order, that what is shown is what was hashed, the payload and note digests, entryHash
 * (docs/ledger-format.md, "The hash"), the link between consecutive entries, and the entry's
 * inclusion proof against the signed root (RFC 9162 §2.1.3.2). Stops at the first failure and
 * names it.
 */
export async function verifyCaseLedger(input: CaseLedgerInput): Promise<CaseLedgerVerdict> {
  try {
    return await verify(input);
  } catch (error) {
    if (error instanceof WebCryptoUnavailable)
      return { ok: false, checkpointProblem: 'NO_WEBCRYPTO' };
    throw error;
  }
}

async function verify(input: CaseLedgerInput): Promise<CaseLedgerVerdict> {
  const { entries, checkpoint, keys } = input;
  if (!checkpoint) return withoutCheckpoint(input);
  if (!/^\d+$/.test(checkpoint.treeSize) || !isHex64(checkpoint.rootHash)) {
    return { ok: false, checkpointProblem: 'BAD_SIGNATURE' };
  }
  const signature = await checkpointSignatureProblem(checkpoint, keys);
  if (signature) return { ok: false, checkpointProblem: signature };
  const summary: CheckpointSummary = {
    treeSize: checkpoint.treeSize,
    issuedAt: checkpoint.issuedAt,
    keyId: checkpoint.keyId,
    fingerprint: await checkpointFingerprint(checkpoint),
  };
  const treeSize = Number(checkpoint.treeSize);

  let stopped = false;
  const proofs = pool(
    entries.map(
      (e) => () =>
        stopped || Number(e.seq) >= treeSize
          ? Promise.resolve(null)
          : input.inclusionProof(e.seq, checkpoint.treeSize),
    ),
    PROOFS_IN_FLIGHT,
  );
  // A failed proof request is not a verdict on the entry: it is rethrown below, in order.
  for (const proof of proofs) proof.catch(() => undefined);

  let verified = 0;
  let uncovered = 0;
  for (const [index, entry] of entries.entries()) {
    const fail = (problem: EntryProblem): CaseLedgerVerdict => {
      stopped = true; // no more proofs are asked for
      return {
        ok: false,
        entry: { index, seq: entry.seq, action: entry.hashed?.action ?? entry.action },
        problem,
        checkpoint: summary,
      };
    };
    const problem = await entryProblem(entry, entries[index - 1]);
    if (problem) return fail(problem);
    const proof = await proofs[index].catch((error: unknown) => {
      stopped = true;
      throw error;
    });
    if (proof === null) {
      uncovered++;
    } else {
      if (!(await isIncluded(entry, proof, checkpoint))) return fail('NOT_INCLUDED');
      verified++;
    }
    input.onProgress?.(index + 1, entries.length);
  }
  return { ok: true, verified, uncovered, checkpoint: summary };
}

/**
 * Before the first checkpoint is signed nothing can be proven included, but nothing has failed
 * either: the entries' own hashes and links are checked and all of them are counted as not
 * covered yet, as the newest entries are when a checkpoint exists.
 */
async function withoutCheckpoint(input: CaseLedgerInput): Promise<CaseLedgerVerdict> {
  const { entries } = input;
  for (const [index, entry] of entries.entries()) {
    const problem = await entryProblem(entry, entries[index - 1]);
    if (problem) {
      const action = entry.hashed?.action ?? entry.action;
      return { ok: false, entry: { index, seq: entry.seq, action }, problem, checkpoint: null };
    }
    input.onProgress?.(index + 1, entries.length);
  }
  return { ok: true, verified: 0, uncovered: entries.length, checkpoint: null };
}

async function entryProblem(
  entry: TimelineEntryToVerify,
  previous: TimelineEntryToVerify | undefined,
): Promise<EntryProblem | null> {
  const h = entry.hashed;
  if (!h) return 'NOT_HASHED';
  const sameId = (shown: string | null, hashed: string | null) =>
    shown === null || shown === hashed;
  if (
    h.seq !== entry.seq ||
    h.action !== entry.action ||
    Date.parse(h.at) !== Date.parse(entry.at) ||
    !sameId(entry.actorId, h.actor) ||
    !sameId(entry.fromUnitId, h.fromUnit) ||
    !sameId(entry.toUnitId, h.toUnit)
  ) {
    return 'SHOWN_DIFFERS';
  }
  let payload: unknown;
  try {
    payload = JSON.parse(h.payload);
  } catch {
    return 'PAYLOAD_DIGEST';
  }
  if ((await payloadDigest(payload)) !== h.payloadDigest) return 'PAYLOAD_DIGEST';
  if (entry.note && (await sha256Hex(entry.note)) !== h.noteDigest) return 'NOTE_DIGEST';
  if (!isHex64(entry.prevHash) || !isHex64(entry.entryHash)) return 'ENTRY_HASH';
  if ((await entryHash(entry.prevHash, h)) !== entry.entryHash) return 'ENTRY_HASH';
  // The case's entries are scattered through the ledger; where two are neighbours, they link.
  if (previous && BigInt(previous.seq) + 1n === BigInt(entry.seq)) {
    if (entry.prevHash !== previous.entryHash) return 'CHAIN';
  }
  return null;
}

async function isIncluded(
  entry: TimelineEntryToVerify,
  proof: InclusionProofFromApi,
  checkpoint: SignedCheckpoint,
): Promise<boolean> {
  if (proof.seq !== entry.seq || proof.treeSize !== checkpoint.treeSize) return false;
  if (!proof.auditPath.every(isHex64)) return false;
  const root = await rootFromInclusionProof(
    Number(entry.seq),
    Number(checkpoint.treeSize),
    await leafHash(entry.entryHash),
    proof.auditPath.map(fromHex64),
  );
  return root !== null && toHex(root) === checkpoint.rootHash;
}

/** Starts the tasks at most `limit` at a time; one promise per task, in the tasks' order. */
function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T>[] {
  let next = 0;
  const settle: { resolve(value: T): void; reject(error: unknown): void }[] = [];
  const promises = tasks.map(
    (_, i) =>
      new Promise<T>((resolve, reject) => {
        settle[i] = { resolve, reject };
      }),
  );
  const runNext = (): void => {
    const i = next++;
    if (i >= tasks.length) return;
    tasks[i]()
      .then(
        (value) => settle[i].resolve(value),
        (error: unknown) => settle[i].reject(error),
      )
      .finally(runNext);
  };
  for (let n = 0; n < Math.min(limit, tasks.length); n++) runNext();
  return promises;
}
