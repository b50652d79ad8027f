import { concat, fromHex64, sha256 } from './web-digest';

/** RFC 9162 §2.1.1: leaf(i) = SHA-256(0x00 ‖ entryHash bytes), node = SHA-256(0x01 ‖ l ‖ r). */
export const leafHash = (entryHashHex: string) =>
  sha256(concat(Uint8Array.of(0), fromHex64(entryHashHex)));

const nodeHash = (left: Uint8Array, right: Uint8Array) =>
  sha256(concat(Uint8Array.of(1), left, right));

/**
 * RFC 9162 §2.1.3.2: the root that a leaf and its audit path (bottom-up) lead to in a tree of
 * treeSize leaves, or null when the path has the wrong length for them. The same walk as
 * rootFromInclusionProof in libs/ledger-format/src/merkle/merkle-proof.ts.
 */
export async function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  auditPath: readonly Uint8Array[],
): Promise<Uint8Array | null> {
  if (!(Number.isSafeInteger(leafIndex) && leafIndex >= 0 && leafIndex < treeSize)) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of auditPath) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      // Climb until fn is a right child (or the root's level is reached).
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
