import { type Digest, EMPTY_TREE_ROOT, leafHash, nodeHash } from './merkle-hash';

/**
 * The RFC 9162 root of a growing list of leaves in O(log n) memory: it keeps the roots of the
 * perfect subtrees the leaves so far make up (one per set bit of the count, largest first) and
 * folds them right to left for the root. What a verifier uses to rebuild the root of a
 * million-entry ledger without holding its tree.
 */
export class MerkleAccumulator {
  /** Roots of the perfect subtrees, largest (leftmost) first, with their heights. */
  private readonly peaks: { level: number; hash: Digest }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  appendEntryHash(entryHashHex: string): void {
    this.appendLeaf(leafHash(entryHashHex));
  }

  appendLeaf(leaf: Digest): void {
    let node = { level: 0, hash: leaf };
    // Two perfect subtrees of one height side by side make one of the next height.
    while (this.peaks.length > 0 && this.peaks[this.peaks.length - 1].level === node.level) {
      const left = this.peaks.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
    }
    this.peaks.push(node);
    this.count++;
  }

  /** MTH of the leaves so far: the peaks folded from the right (RFC 9162 §2.1.1). */
  root(): Digest {
    if (this.peaks.length === 0) return EMPTY_TREE_ROOT;
    let root = this.peaks[this.peaks.length - 1].hash;
    for (let i = this.peaks.length - 2; i >= 0; i--) root = nodeHash(this.peaks[i].hash, root);
    return root;
  }
}
