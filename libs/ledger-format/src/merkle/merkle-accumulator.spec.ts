import { createHash } from 'node:crypto';
import { EMPTY_TREE_ROOT, inMemoryNodes, MerkleAccumulator, treeRoot } from './index';

const entryHashes = Array.from({ length: 130 }, (_, i) =>
  createHash('sha256').update(`accumulated ${i}`).digest('hex'),
);

describe('MerkleAccumulator', () => {
  it('has the empty tree root before any leaf', () => {
    expect(new MerkleAccumulator().root().equals(EMPTY_TREE_ROOT)).toBe(true);
  });

  it('gives the RFC 9162 root after every leaf, as the stored-subtree tree does', () => {
    const lookup = inMemoryNodes(entryHashes);
    const accumulator = new MerkleAccumulator();
    entryHashes.forEach((hash, i) => {
      accumulator.appendEntryHash(hash);
      expect(accumulator.size).toBe(i + 1);
      expect(accumulator.root().toString('hex')).toBe(treeRoot(i + 1, lookup).toString('hex'));
    });
  });

  it('gives another root when one leaf differs', () => {
    const a = new MerkleAccumulator();
    const b = new MerkleAccumulator();
    entryHashes.forEach((hash, i) => {
      a.appendEntryHash(hash);
      b.appendEntryHash(i === 77 ? entryHashes[78] : hash);
    });
    expect(a.root().equals(b.root())).toBe(false);
  });
});
