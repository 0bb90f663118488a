import { nodeHash } from './merkle-hash';
import { type LeafRange, perfectSubtrees, splitPoint, type SubtreeRef } from './subtree';

/**
 * The stored hash of a perfect subtree. Synchronous on purpose: the caller looks the nodes up
 * beforehand (inclusionProofNodes / consistencyProofNodes name them all, one query), then proves.
 */
export type SubtreeHashes = (level: number, index: number) => Buffer;

/** Every perfect subtree whose hash inclusionProof(index, size) reads. */
export function inclusionProofNodes(index: number, size: number): SubtreeRef[] {
  return inclusionRanges(index, size).flatMap(perfectSubtrees);
}

/** Every perfect subtree whose hash consistencyProof(first, second) reads. */
export function consistencyProofNodes(first: number, second: number): SubtreeRef[] {
  return consistencyRanges(first, second).flatMap(perfectSubtrees);
}

/** PATH(index, D[size]) of RFC 9162 §2.1.3.1, from stored perfect-subtree hashes; the leaf's sibling first. */
export function inclusionProof(index: number, size: number, hashes: SubtreeHashes): Buffer[] {
  return inclusionRanges(index, size).map((range) => rangeHash(range, hashes));
}

/** PROOF(first, D[second]) of RFC 9162 §2.1.4.1, from stored perfect-subtree hashes. */
export function consistencyProof(first: number, second: number, hashes: SubtreeHashes): Buffer[] {
  return consistencyRanges(first, second).map((range) => rangeHash(range, hashes));
}

/**
 * The leaf ranges whose MTHs make up PATH(index, D[size]), in the proof's order. Each is either a
 * perfect subtree or the right edge [a, size) of the tree.
 */
function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`no inclusion proof in a tree of ${size} leaves`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  }
  const path = (m: number, start: number, end: number): LeafRange[] => {
    if (end - start === 1) return [];
    const k = splitPoint(end - start);
    return m < k
      ? [...path(m, start, start + k), { start: start + k, end }]
      : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(index, 0, size);
}

/** The leaf ranges whose MTHs make up PROOF(first, D[second]), in the proof's order. */
function consistencyRanges(first: number, second: number): LeafRange[] {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) {
    throw new RangeError(`no consistency proof from a tree of ${first} leaves to one of ${second}`);
  }
  // The RFC defines PROOF for 0 < first < second; from nothing, or to the same tree, there is nothing to prove.
  if (first === 0 || first === second) return [];
  // `complete`: the range so far is the old tree's left spine, whose root the verifier already holds.
  const subproof = (m: number, start: number, end: number, complete: boolean): LeafRange[] => {
    if (m === end - start) return complete ? [] : [{ start, end }];
    const k = splitPoint(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, complete), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return subproof(first, 0, second, true);
}

/** MTH of a range from its perfect subtrees: nodeHash(p1, nodeHash(p2, … pk)), largest first. */
function rangeHash(range: LeafRange, hashes: SubtreeHashes): Buffer {
  const parts = perfectSubtrees(range).map((ref) => lookUp(ref, hashes));
  let hash = parts[parts.length - 1];
  for (let i = parts.length - 2; i >= 0; i -= 1) hash = nodeHash(parts[i], hash);
  return hash;
}

function lookUp(ref: SubtreeRef, hashes: SubtreeHashes): Buffer {
  const hash: unknown = hashes(ref.level, ref.index);
  // A lookup backed by a Map answers undefined for a node nobody stored: a proof must not go on with it.
  if (!Buffer.isBuffer(hash) || hash.length !== 32) {
    throw new Error(`no stored hash for the subtree at level ${ref.level}, index ${ref.index}`);
  }
  return hash;
}
