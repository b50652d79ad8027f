import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 hashing with domain separation: a leaf is SHA-256(0x00 ‖ data) and an interior
 * node SHA-256(0x01 ‖ left ‖ right), so a leaf can never be passed off as a node (second-preimage
 * attacks on the tree). A Simpul leaf's data is the 32 raw bytes of the entry's entryHash.
 */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export type Digest = Buffer;

export function leafHash(entryHashHex: string): Digest {
  return createHash('sha256').update(LEAF_PREFIX).update(Buffer.from(entryHashHex, 'hex')).digest();
}

export function nodeHash(left: Digest, right: Digest): Digest {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH of the empty tree: SHA-256 of no bytes. */
export const EMPTY_TREE_ROOT: Digest = createHash('sha256').digest();
