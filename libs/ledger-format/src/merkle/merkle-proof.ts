import { type Digest, EMPTY_TREE_ROOT, leafHash, nodeHash } from './merkle-hash';
import {
  consistencyRanges,
  inclusionRanges,
  rangeBlocks,
  type LeafRange,
  type NodeAddress,
} from './merkle-ranges';

/** Reads stored perfect subtree roots; must know every node the asked ranges need. */
export type NodeLookup = (address: NodeAddress) => Digest;

export const nodeKey = ({ level, index }: NodeAddress): string => `${level}:${index}`;

/** Every stored node that the roots of these ranges need, without duplicates. */
export function nodesFor(ranges: readonly LeafRange[]): NodeAddress[] {
  const seen = new Map<string, NodeAddress>();
  for (const range of ranges)
    for (const block of rangeBlocks(range)) seen.set(nodeKey(block), block);
  return [...seen.values()];
}

/** MTH(D[start:end]) from the stored perfect subtrees (a right fold, see rangeBlocks). */
export function rangeRoot(range: LeafRange, lookup: NodeLookup): Digest {
  const blocks = rangeBlocks(range).map(lookup);
  let root = blocks[blocks.length - 1];
  for (let i = blocks.length - 2; i >= 0; i--) root = nodeHash(blocks[i], root);
  return root;
}

export function treeRoot(treeSize: number, lookup: NodeLookup): Digest {
  return treeSize === 0 ? EMPTY_TREE_ROOT : rangeRoot({ start: 0, end: treeSize }, lookup);
}

export function inclusionProof(leafIndex: number, treeSize: number, lookup: NodeLookup): Digest[] {
  return inclusionRanges(leafIndex, treeSize).map((range) => rangeRoot(range, lookup));
}

export function consistencyProof(fromSize: number, toSize: number, lookup: NodeLookup): Digest[] {
  return consistencyRanges(fromSize, toSize).map((range) => rangeRoot(range, lookup));
}

/**
 * RFC 9162 §2.1.3.2: recompute the root from a leaf and its inclusion proof. Returns null when the
 * proof has the wrong length for (leafIndex, treeSize).
 */
export function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leaf: Digest,
  proof: readonly Digest[],
): Digest | null {
  if (!(Number.isSafeInteger(leafIndex) && leafIndex >= 0 && leafIndex < treeSize)) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        // Climb until fn is a right child (or the root's level is reached).
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  entryHashHex: string,
  proof: readonly Digest[],
  root: Digest,
): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash(entryHashHex), proof);
  return computed !== null && computed.equals(root);
}

/** RFC 9162 §2.1.4.2: does the tree of size toSize extend the one of size fromSize? */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  fromRoot: Digest,
  toRoot: Digest,
  proof: readonly Digest[],
): boolean {
  if (!(Number.isSafeInteger(fromSize) && Number.isSafeInteger(toSize))) return false;
  if (fromSize < 1 || fromSize > toSize) return false;
  if (fromSize === toSize) return proof.length === 0 && fromRoot.equals(toRoot);
  const path = [...proof];
  // A power-of-two first tree is itself a node of the second: the RFC prepends its root.
  if (isPowerOfTwo(fromSize)) path.unshift(fromRoot);
  if (path.length === 0) return false;
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n));
}
