import { decodeBase64 } from '../base64';
import { EMPTY_ROOT, nodeHash } from './merkle-hash';
import type { SubtreeNode } from './subtree';

// The whole of RFC 9162's tree in one module for callers; proofs and their checks live apart.
export {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
  type SubtreeHashes,
} from './merkle-proof';
export { verifyConsistency, verifyInclusion } from './merkle-verify';
export type { SubtreeNode, SubtreeRef } from './subtree';

const HASH_BYTES = 32;

/**
 * MTH (RFC 9162 §2.1.1) over leaf hashes, without the RFC's recursion: each leaf merges with the
 * perfect subtrees it completes (one per trailing one bit of its index), and what is left at the
 * end, the right edge, folds from the right. Depth first rather than level by level: the hashes it
 * combines were made moments before, where a level-by-level pass walks a million scattered buffers
 * once per level (measured 10–25 % slower at 1M).
 */
export function rootOf(leafHashes: readonly Buffer[]): Buffer {
  const stack: Buffer[] = [];
  for (let i = 0; i < leafHashes.length; i += 1) {
    let hash = leafHashes[i];
    for (let index = i; index % 2 === 1; index = (index - 1) / 2) hash = nodeHash(stack.pop() as Buffer, hash);
    stack.push(hash);
  }
  return foldRight(stack);
}

/** The frontier as kept beside a checkpoint: its size and the hashes of its perfect subtrees, base64. */
export interface MerkleFrontierJson {
  size: number;
  hashes: string[];
}

/**
 * The right edge of an append-only tree: one perfect subtree per set bit of its size, largest
 * first (a compact range). That is all a writer needs to grow the tree and state its root, so a
 * store need not read old nodes back to append; each append hands out the nodes it completed.
 */
export class MerkleFrontier {
  private constructor(
    private count: number,
    private readonly stack: Buffer[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  static fromJSON(json: MerkleFrontierJson): MerkleFrontier {
    const { size, hashes } = json;
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`a frontier's size must be a whole number ≥ 0`);
    if (!Array.isArray(hashes) || hashes.length !== bitCount(size)) {
      throw new Error(`a frontier of ${size} leaves holds ${bitCount(size)} hashes`);
    }
    const stack = hashes.map((text, position) => {
      const hash = decodeBase64(text, HASH_BYTES);
      if (!hash) throw new Error(`the frontier's hash ${position} is not a base64 SHA-256 hash`);
      return hash;
    });
    return new MerkleFrontier(size, stack);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds one leaf hash. Returns the perfect subtrees this append completed: the leaf itself (level 0)
   * and one parent for each trailing one bit of the old size, smallest first.
   */
  append(leaf: Buffer): SubtreeNode[] {
    if (leaf.length !== HASH_BYTES) throw new Error(`a leaf hash has ${HASH_BYTES} bytes, got ${leaf.length}`);
    const completed: SubtreeNode[] = [{ level: 0, index: this.count, hash: leaf }];
    let hash = leaf;
    let level = 0;
    let index = this.count;
    while (index % 2 === 1) {
      const left = this.stack.pop() as Buffer;
      hash = nodeHash(left, hash);
      level += 1;
      index = (index - 1) / 2;
      completed.push({ level, index, hash });
    }
    this.stack.push(hash);
    this.count += 1;
    return completed;
  }

  /** MTH of the whole tree: its perfect subtrees folded from the right (EMPTY_ROOT when empty). */
  root(): Buffer {
    return foldRight(this.stack);
  }

  toJSON(): MerkleFrontierJson {
    return { size: this.count, hashes: this.stack.map((hash) => hash.toString('base64')) };
  }
}

/** MTH of a tree from its perfect subtrees, largest first: nodeHash(p1, nodeHash(p2, … pk)). */
function foldRight(subtrees: readonly Buffer[]): Buffer {
  if (subtrees.length === 0) return Buffer.from(EMPTY_ROOT);
  let root = subtrees[subtrees.length - 1];
  for (let i = subtrees.length - 2; i >= 0; i -= 1) root = nodeHash(subtrees[i], root);
  return Buffer.from(root);
}

/** Set bits of a size up to 2^53, by arithmetic: bit operators wrap past 2^31. */
function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}
