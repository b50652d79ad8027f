/**
 * Which subtrees a Merkle root or proof is made of (RFC 9162 §2.1). Every range the RFC's recursion
 * touches is [start, end) with start aligned to a power of two at least as large as the range, so
 * its root is a right fold over a few perfect, aligned subtrees. Those perfect subtrees are what
 * Simpul stores ({@link NodeAddress}); any root or proof then needs O(log n) stored nodes and never
 * the whole ledger.
 */

/** A perfect subtree: leaves [index·2^level, (index+1)·2^level). Level 0 is a leaf. */
export interface NodeAddress {
  level: number;
  index: number;
}

/** A half-open range of leaf positions [start, end). */
export interface LeafRange {
  start: number;
  end: number;
}

/** The largest power of two strictly smaller than n (n ≥ 2): the RFC's split point k. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`cannot split a tree of size ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect aligned subtrees that make up [start, end), largest first. For a range the RFC's
 * recursion produces, the root is nodeHash(b0, nodeHash(b1, … nodeHash(b(m-2), b(m-1)))).
 */
export function rangeBlocks({ start, end }: LeafRange): NodeAddress[] {
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start < end)) {
    throw new RangeError(`bad leaf range [${start}, ${end})`);
  }
  const blocks: NodeAddress[] = [];
  let at = start;
  while (at < end) {
    const size = end - at === 1 ? 1 : blockSizeAt(at, end);
    const level = Math.log2(size);
    blocks.push({ level, index: at / size });
    at += size;
  }
  return blocks;
}

/** The largest power of two that fits in [at, end) and is aligned at `at`. */
function blockSizeAt(at: number, end: number): number {
  let size = 1;
  while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
  return size;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[0:n]) as the leaf ranges whose roots form the proof, bottom-up. */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!(Number.isSafeInteger(leafIndex) && leafIndex >= 0 && leafIndex < treeSize)) {
    throw new RangeError(`leaf ${leafIndex} is not in a tree of size ${treeSize}`);
  }
  const path: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  let m = leafIndex;
  // Walk down from the root, remembering the sibling of every subtree that holds the leaf.
  const siblings: LeafRange[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      siblings.push({ start: start + k, end });
      end = start + k;
    } else {
      siblings.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  for (let i = siblings.length - 1; i >= 0; i--) path.push(siblings[i]);
  return path;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]) as leaf ranges, in the RFC's order. */
export function consistencyRanges(fromSize: number, toSize: number): LeafRange[] {
  if (!(
    Number.isSafeInteger(fromSize) &&
    Number.isSafeInteger(toSize) &&
    0 < fromSize &&
    fromSize <= toSize
  )) {
    throw new RangeError(`no consistency proof from size ${fromSize} to ${toSize}`);
  }
  if (fromSize === toSize) return [];
  // SUBPROOF(m, D[start:end], b), unrolled: each step appends after the recursive part, so collect
  // the appended ranges and reverse at the end.
  const appended: LeafRange[] = [];
  let start = 0;
  let end = toSize;
  let m = fromSize;
  let complete = true;
  for (;;) {
    if (m === end - start) {
      if (!complete) appended.push({ start, end });
      break;
    }
    const k = splitPoint(end - start);
    if (m <= k) {
      appended.push({ start: start + k, end });
      end = start + k;
    } else {
      appended.push({ start, end: start + k });
      start += k;
      m -= k;
      complete = false;
    }
  }
  return appended.reverse();
}

/**
 * The perfect subtrees that leaf `leafIndex` completes, bottom-up: the leaf itself, then each
 * ancestor whose last leaf it is. Appending leaves in order and storing these gives every node
 * rangeBlocks can ask for; on average two per leaf.
 */
export function nodesCompletedBy(leafIndex: number): NodeAddress[] {
  const completed: NodeAddress[] = [{ level: 0, index: leafIndex }];
  let size = 2;
  while ((leafIndex + 1) % size === 0) {
    completed.push({ level: Math.log2(size), index: (leafIndex + 1) / size - 1 });
    size *= 2;
  }
  return completed;
}
