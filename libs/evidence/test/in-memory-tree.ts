import { leafHash } from '../src/merkle/merkle-hash';
import type { SubtreeHashes } from '../src/merkle/merkle-proof';
import { MerkleFrontier } from '../src/merkle/merkle-tree';

/** A tree grown as a store would grow it: every completed perfect subtree kept once, by level and index. */
export class InMemoryTree {
  readonly frontier = MerkleFrontier.empty();
  readonly leaves: Buffer[] = [];
  private readonly levels: Buffer[][] = [];

  /** Appends a leaf hash; returns its index. */
  append(leaf: Buffer): number {
    const index = this.frontier.size;
    this.leaves.push(leaf);
    for (const node of this.frontier.append(leaf)) (this.levels[node.level] ??= [])[node.index] = node.hash;
    return index;
  }

  readonly hashes: SubtreeHashes = (level, index) => {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new Error(`no node at level ${level}, index ${index}`);
    return hash;
  };

  /** How many nodes were stored at each level. */
  storedPerLevel(): number[] {
    return this.levels.map((level) => level.length);
  }
}

/** Distinct leaf hashes, the same on every run: leafHash of the index as text. */
export function sampleLeaves(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
}
