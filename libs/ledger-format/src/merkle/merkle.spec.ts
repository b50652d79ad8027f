import { createHash } from 'node:crypto';
import {
  EMPTY_TREE_ROOT,
  consistencyProof,
  inMemoryNodes,
  inclusionProof,
  leafHash,
  nodeHash,
  nodesFor,
  consistencyRanges,
  inclusionRanges,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  nodesForAppend,
  type Digest,
} from './index';

/** RFC 9162 §2.1.1–2.1.4 transcribed literally (recursive, over the whole list): the reference. */
function mth(leaves: Digest[]): Digest {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  const k = 2 ** Math.floor(Math.log2(leaves.length - 1));
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Digest[]): Digest[] {
  if (leaves.length === 1) return [];
  const k = 2 ** Math.floor(Math.log2(leaves.length - 1));
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
function subproof(m: number, leaves: Digest[], complete: boolean): Digest[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [mth(leaves)];
  const k = 2 ** Math.floor(Math.log2(n - 1));
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), mth(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

const entryHashes = Array.from({ length: 70 }, (_, i) =>
  createHash('sha256').update(`entry ${i}`).digest('hex'),
);
const leaves = entryHashes.map(leafHash);
const lookup = inMemoryNodes(entryHashes);
const hex = (digests: Digest[]): string[] => digests.map((d) => d.toString('hex'));

describe('Merkle tree (RFC 9162)', () => {
  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', () => {
    const leaf = createHash('sha256')
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(entryHashes[0], 'hex')]))
      .digest();
    expect(leafHash(entryHashes[0]).equals(leaf)).toBe(true);
    const node = createHash('sha256')
      .update(Buffer.concat([Buffer.from([1]), leaves[0], leaves[1]]))
      .digest();
    expect(nodeHash(leaves[0], leaves[1]).equals(node)).toBe(true);
    expect(treeRoot(0, lookup).equals(EMPTY_TREE_ROOT)).toBe(true);
  });

  it('computes the root of every size from stored perfect subtrees', () => {
    for (let n = 1; n <= leaves.length; n++) {
      expect(treeRoot(n, lookup).toString('hex')).toBe(mth(leaves.slice(0, n)).toString('hex'));
    }
  });

  it('builds inclusion proofs equal to PATH and they verify; tampering fails', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, lookup);
        expect(hex(proof)).toEqual(hex(path(m, leaves.slice(0, n))));
        expect(verifyInclusion(m, n, entryHashes[m], proof, root)).toBe(true);
        expect(verifyInclusion(m, n, 'ff'.repeat(32), proof, root)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, entryHashes[m], proof.slice(1), root)).toBe(false);
          expect(verifyInclusion(m, n, entryHashes[m], [...proof, proof[0]], root)).toBe(false);
        }
        if (n > 1)
          expect(verifyInclusion(m === 0 ? 1 : 0, n, entryHashes[m], proof, root)).toBe(false);
      }
    }
  });

  it('builds consistency proofs equal to PROOF and they verify; wrong roots fail', () => {
    for (let n = 1; n <= 40; n++) {
      const toRoot = mth(leaves.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const fromRoot = mth(leaves.slice(0, m));
        const proof = consistencyProof(m, n, lookup);
        expect(hex(proof)).toEqual(hex(subproof(m, leaves.slice(0, n), true)));
        expect(verifyConsistency(m, n, fromRoot, toRoot, proof)).toBe(true);
        const otherRoot = mth(leaves.slice(1, m + 1));
        expect(verifyConsistency(m, n, otherRoot, toRoot, proof)).toBe(false);
        if (m < n) {
          expect(verifyConsistency(m, n, fromRoot, otherRoot, proof)).toBe(false);
          expect(verifyConsistency(m, n, fromRoot, toRoot, proof.slice(0, -1))).toBe(false);
        }
      }
    }
  });

  it('needs O(log n) stored nodes for any proof of a large tree', () => {
    const size = 1_000_003;
    const needed = nodesFor(inclusionRanges(123_456, size)).length;
    expect(needed).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
    expect(nodesFor(consistencyRanges(999_999, size)).length).toBeLessThanOrEqual(
      2 * Math.ceil(Math.log2(size)),
    );
  });

  it('appending in batches stores the same nodes as building the whole tree at once', () => {
    const stored = new Map<string, Digest>();
    const find = (a: { level: number; index: number }): Digest =>
      stored.get(`${a.level}:${a.index}`)!;
    for (const [from, to] of [
      [0, 5],
      [5, 6],
      [6, 33],
      [33, 70],
    ] as const) {
      for (const node of nodesForAppend(from, entryHashes.slice(from, to), find)) {
        stored.set(`${node.level}:${node.index}`, node.hash);
      }
    }
    expect(treeRoot(70, find).equals(treeRoot(70, lookup))).toBe(true);
    expect(stored.size).toBeLessThan(2 * 70);
  });
});
