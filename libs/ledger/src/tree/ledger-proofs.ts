import { Injectable } from '@nestjs/common';
import { badInput } from '@simpul/common';
import {
  consistencyProof,
  consistencyRanges,
  inclusionProof,
  inclusionRanges,
  nodesFor,
  type NodeAddress,
} from '@simpul/ledger-format';
import { LedgerTree } from './ledger-tree';
import { MerkleNodeStore } from './merkle-node.store';

export interface InclusionProofView {
  seq: string;
  treeSize: string;
  /** hex SHA-256(0x00 ‖ entryHash bytes): the RFC 9162 leaf of the entry */
  leafHash: string;
  auditPath: string[];
}

export interface ConsistencyProofView {
  fromSize: string;
  toSize: string;
  path: string[];
}

/** A non-negative decimal string as the API carries seq and tree sizes. */
const DECIMAL = /^(0|[1-9]\d{0,15})$/;

function decimal(field: string, value: string): number {
  if (!DECIMAL.test(value) || !Number.isSafeInteger(Number(value))) {
    throw badInput(field, 'must be a non-negative whole number as a decimal string');
  }
  return Number(value);
}

/**
 * Inclusion and consistency proofs (RFC 9162 §2.1.3, §2.1.4) from the stored subtree roots: each
 * reads the O(log n) nodes its ranges need in one statement, never the ledger. Without a tree
 * size, the proof is against the latest signed checkpoint, so that it verifies against a
 * signature the caller can check.
 */
@Injectable()
export class LedgerProofs {
  constructor(
    private readonly tree: LedgerTree,
    private readonly store: MerkleNodeStore,
  ) {}

  async inclusion(seqText: string, treeSizeText?: string | null): Promise<InclusionProofView> {
    const seq = decimal('seq', seqText);
    const treeSize = await this.treeSizeOf('treeSize', treeSizeText);
    if (seq >= treeSize) {
      throw badInput('seq', `must be below treeSize (${treeSize}): the tree does not hold it`);
    }
    const leaf: NodeAddress = { level: 0, index: seq };
    const lookup = await this.store.lookup([leaf, ...nodesFor(inclusionRanges(seq, treeSize))]);
    return {
      seq: String(seq),
      treeSize: String(treeSize),
      leafHash: lookup(leaf).toString('hex'),
      auditPath: inclusionProof(seq, treeSize, lookup).map((d) => d.toString('hex')),
    };
  }

  /** Inclusion proofs of many entries against one tree size, reading their nodes at once. */
  async inclusionMany(seqs: readonly number[], treeSize: number): Promise<Map<number, string[]>> {
    const ranges = seqs.flatMap((seq) => inclusionRanges(seq, treeSize));
    const lookup = await this.store.lookup(nodesFor(ranges));
    return new Map(
      seqs.map((seq) => [seq, inclusionProof(seq, treeSize, lookup).map((d) => d.toString('hex'))]),
    );
  }

  async consistency(
    fromSizeText: string,
    toSizeText?: string | null,
  ): Promise<ConsistencyProofView> {
    const fromSize = decimal('fromSize', fromSizeText);
    const toSize = await this.treeSizeOf('toSize', toSizeText);
    if (fromSize < 1) throw badInput('fromSize', 'must be at least 1');
    if (fromSize > toSize) {
      throw badInput('fromSize', `must not exceed toSize (${toSize})`);
    }
    const lookup = await this.store.lookup(nodesFor(consistencyRanges(fromSize, toSize)));
    return {
      fromSize: String(fromSize),
      toSize: String(toSize),
      path: consistencyProof(fromSize, toSize, lookup).map((d) => d.toString('hex')),
    };
  }

  /** The asked tree size, checked against the stored tree; the latest checkpoint's by default. */
  private async treeSizeOf(field: string, text?: string | null): Promise<number> {
    if (text == null) {
      const latest = await this.tree.latestCheckpoint();
      if (!latest) throw badInput(field, 'no checkpoint is signed yet: name a tree size');
      return Number(latest.treeSize);
    }
    const size = decimal(field, text);
    const built = await this.tree.size();
    if (size > built) {
      throw badInput(field, `the tree holds ${built} entries so far`);
    }
    return size;
  }
}
