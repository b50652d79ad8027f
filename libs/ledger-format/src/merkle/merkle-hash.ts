import { createHash, hash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 hashing with domain separation: a leaf is SHA-256(0x00 ‖ data) and an interior
 * node SHA-256(0x01 ‖ left ‖ right), so a leaf can never be passed off as a node (second-preimage
 * attacks on the tree). A Simpul leaf's data is the 32 raw bytes of the entry's entryHash.
 */
export type Digest = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// Inputs are laid out in scratch buffers and hashed in one call (crypto.hash): no Hash object and
// no buffer per node. Safe to reuse: hashing is synchronous and nothing keeps the scratch. The
// digest comes back as a 'binary' (latin1) string, one character per byte, and is turned into a Buffer from
// Node's pool: asking crypto.hash for a Buffer allocates a fresh backing store, which cost about
// three times the hashing itself for inputs this small (measured on Node 24).
const leafInput = Buffer.alloc(33, 0x00);
const nodeInput = Buffer.alloc(65, 0x01);

export function leafHash(entryHashHex: string): Digest {
  if (leafInput.write(entryHashHex, 1, 32, 'hex') !== 32 || entryHashHex.length !== 64) {
    // Not 64 hex characters: hash what Buffer.from makes of it, as before the scratch buffer.
    return createHash('sha256')
      .update(LEAF_PREFIX)
      .update(Buffer.from(entryHashHex, 'hex'))
      .digest();
  }
  return Buffer.from(hash('sha256', leafInput, 'binary'), 'latin1');
}

export function nodeHash(left: Digest, right: Digest): Digest {
  if (left.length !== 32 || right.length !== 32) {
    return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  }
  left.copy(nodeInput, 1);
  right.copy(nodeInput, 33);
  return Buffer.from(hash('sha256', nodeInput, 'binary'), 'latin1');
}

/** MTH of the empty tree: SHA-256 of no bytes. */
export const EMPTY_TREE_ROOT: Digest = createHash('sha256').digest();
