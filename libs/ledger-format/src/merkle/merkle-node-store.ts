import { type Digest, leafHash, nodeHash } from './merkle-hash';
import type { NodeLookup } from './merkle-proof';
import { nodesCompletedBy, type NodeAddress } from './merkle-ranges';

/** A stored node: what the ledger keeps per perfect subtree (see merkle-ranges.ts). */
export interface StoredNode extends NodeAddress {
  hash: Digest;
}

/**
 * The nodes that appending `entryHashes` at positions firstIndex… completes. `lookup` supplies
 * nodes stored before firstIndex (a left sibling completed earlier); nodes made here are found
 * without it.
 */
export function nodesForAppend(
  firstIndex: number,
  entryHashes: readonly string[],
  lookup: NodeLookup,
): StoredNode[] {
  const made = new Map<string, Digest>();
  const find = (address: NodeAddress): Digest =>
    made.get(`${address.level}:${address.index}`) ?? lookup(address);
  const out: StoredNode[] = [];
  entryHashes.forEach((hex, offset) => {
    for (const address of nodesCompletedBy(firstIndex + offset)) {
      const hash =
        address.level === 0
          ? leafHash(hex)
          : nodeHash(
              find({ level: address.level - 1, index: address.index * 2 }),
              find({ level: address.level - 1, index: address.index * 2 + 1 }),
            );
      made.set(`${address.level}:${address.index}`, hash);
      out.push({ ...address, hash });
    }
  });
  return out;
}

/** Every node of a whole ledger held in memory (the offline verifier, tests). */
export function inMemoryNodes(entryHashes: readonly string[]): NodeLookup {
  const nodes = new Map<string, Digest>();
  for (const node of nodesForAppend(0, entryHashes, () => {
    throw new Error('unreachable: every node is made here');
  })) {
    nodes.set(`${node.level}:${node.index}`, node.hash);
  }
  return (address) => {
    const hash = nodes.get(`${address.level}:${address.index}`);
    if (!hash) throw new RangeError(`no node ${address.level}:${address.index}`);
    return hash;
  };
}
