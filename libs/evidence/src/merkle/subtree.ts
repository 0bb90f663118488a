/**
 * A perfect subtree of the tree: level k, index i covers the leaves [i·2^k, (i+1)·2^k). Level 0 is a
 * leaf. Such a node never changes once its last leaf is appended, so a store writes it once.
 */
export interface SubtreeRef {
  level: number;
  index: number;
}

export interface SubtreeNode extends SubtreeRef {
  hash: Buffer;
}

/** A contiguous range of leaves [start, end). */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * The largest power of two strictly below n (n > 1): where RFC 9162 splits a tree of n leaves.
 * Multiplication rather than shifts: sizes may pass 2^31, where JavaScript's bit operators wrap.
 */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that tile [start, end), largest aligned block first. For the ranges a proof
 * names (a perfect subtree, or a right edge [a, n) whose start is aligned above its length) these
 * come out from largest to smallest, so folding them right to left gives the range's MTH.
 */
export function perfectSubtrees(range: LeafRange): SubtreeRef[] {
  const refs: SubtreeRef[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    let width = 1;
    while (start % (width * 2) === 0 && start + width * 2 <= range.end) {
      width *= 2;
      level += 1;
    }
    refs.push({ level, index: start / width });
    start += width;
  }
  return refs;
}
