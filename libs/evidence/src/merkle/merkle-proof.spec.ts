import { InMemoryTree, sampleLeaves } from '../../test/in-memory-tree';
import { referencePath, referenceProof } from '../../test/rfc9162-reference';
import { leafHash, nodeHash } from './merkle-hash';
import {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
  type SubtreeHashes,
} from './merkle-proof';
import { MerkleFrontier, rootOf } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

const MAX = 40;
// One store for every size: perfect subtrees never change once complete, so the nodes of a tree of
// 40 leaves serve the proofs of all its earlier sizes, as a store's nodes do.
const tree = new InMemoryTree();
sampleLeaves(MAX).forEach((leaf) => tree.append(leaf));
const leaves = tree.leaves;
const roots = Array.from({ length: MAX + 1 }, (_, size) => rootOf(leaves.slice(0, size)));
const sizes = Array.from({ length: MAX }, (_, i) => i + 1);

const flipped = (hash: Buffer, byte = 0): Buffer => {
  const copy = Buffer.from(hash);
  copy[byte] = (copy[byte] ?? 0) ^ 0x01;
  return copy;
};

/** Records which nodes a proof read, to hold them against the node list given beforehand. */
function recording(hashes: SubtreeHashes): { hashes: SubtreeHashes; read: string[] } {
  const read: string[] = [];
  return {
    read,
    hashes: (level, index) => {
      read.push(`${level}:${index}`);
      return hashes(level, index);
    },
  };
}

describe('inclusion proofs from stored nodes', () => {
  it('equal PATH of RFC 9162 and verify, for every index of every size up to 40', () => {
    for (const size of sizes) {
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(index, size, tree.hashes);
        expect(proof).toEqual(referencePath(index, leaves.slice(0, size)));
        expect(verifyInclusion(leaves[index], index, size, proof, roots[size])).toBe(true);
      }
    }
  });

  it('read exactly the listed nodes, all of them complete in that tree', () => {
    for (const size of sizes) {
      for (let index = 0; index < size; index += 1) {
        const nodes = inclusionProofNodes(index, size);
        for (const node of nodes) expect((node.index + 1) * 2 ** node.level).toBeLessThanOrEqual(size);
        const lookup = recording(tree.hashes);
        inclusionProof(index, size, lookup.hashes);
        expect(lookup.read).toEqual(nodes.map((node) => `${node.level}:${node.index}`));
      }
    }
  });

  it('fail for a flipped byte, a wrong leaf, a wrong index, a wrong size, a wrong root', () => {
    for (const size of sizes) {
      const root = roots[size];
      for (let index = 0; index < size; index += 1) {
        const leaf = leaves[index];
        const proof = inclusionProof(index, size, tree.hashes);
        proof.forEach((_, position) => {
          const altered = proof.map((hash, i) => (i === position ? flipped(hash, position % 32) : hash));
          expect(verifyInclusion(leaf, index, size, altered, root)).toBe(false);
        });
        expect(verifyInclusion(flipped(leaf, 31), index, size, proof, root)).toBe(false);
        for (let other = 0; other < size; other += 1) {
          if (other !== index) expect(verifyInclusion(leaf, other, size, proof, root)).toBe(false);
        }
        // A checkpoint binds size and root together, so a wrong size comes with that size's root.
        for (let other = index + 1; other <= MAX; other += 1) {
          if (other !== size) expect(verifyInclusion(leaf, index, other, proof, roots[other])).toBe(false);
        }
        expect(verifyInclusion(leaf, index, size, proof, flipped(root, 7))).toBe(false);
        expect(verifyInclusion(leaf, index, size, [...proof, leaf], root)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(leaf, index, size, proof.slice(1), root)).toBe(false);
      }
    }
  });

  it('refuse an index outside the tree', () => {
    expect(() => inclusionProof(3, 3, tree.hashes)).toThrow(RangeError);
    expect(() => inclusionProofNodes(-1, 3)).toThrow(RangeError);
    expect(() => inclusionProofNodes(0, 0)).toThrow(RangeError);
    expect(verifyInclusion(leaves[0], 3, 3, [], roots[3])).toBe(false);
    expect(verifyInclusion(leaves[0], -1, 3, [], roots[3])).toBe(false);
    expect(verifyInclusion(leaves[0], 0.5, 3, [], roots[3])).toBe(false);
  });

  it('fail loudly when a node the proof needs was never stored', () => {
    const partial: SubtreeHashes = (level, index) => (level === 0 ? tree.hashes(level, index) : (undefined as never));
    expect(() => inclusionProof(0, 4, partial)).toThrow('no stored hash for the subtree at level 1, index 1');
  });
});

describe('consistency proofs from stored nodes', () => {
  it('equal PROOF of RFC 9162 and verify, for every pair of sizes up to 40', () => {
    for (let second = 0; second <= MAX; second += 1) {
      for (let first = 0; first <= second; first += 1) {
        const proof = consistencyProof(first, second, tree.hashes);
        if (first > 0 && first < second) expect(proof).toEqual(referenceProof(first, leaves.slice(0, second)));
        else expect(proof).toEqual([]);
        const lookup = recording(tree.hashes);
        consistencyProof(first, second, lookup.hashes);
        expect(lookup.read).toEqual(consistencyProofNodes(first, second).map((n) => `${n.level}:${n.index}`));
        expect(verifyConsistency(first, second, proof, roots[first], roots[second])).toBe(true);
      }
    }
  });

  it('fail for a flipped byte, a wrong size, a wrong root, a proof too short or too long', () => {
    for (const second of sizes) {
      for (let first = 1; first < second; first += 1) {
        const proof = consistencyProof(first, second, tree.hashes);
        const firstRoot = roots[first];
        const secondRoot = roots[second];
        proof.forEach((_, position) => {
          const altered = proof.map((hash, i) => (i === position ? flipped(hash, position % 32) : hash));
          expect(verifyConsistency(first, second, altered, firstRoot, secondRoot)).toBe(false);
        });
        expect(verifyConsistency(first, second, proof, flipped(firstRoot), secondRoot)).toBe(false);
        expect(verifyConsistency(first, second, proof, firstRoot, flipped(secondRoot))).toBe(false);
        expect(verifyConsistency(first, second, proof, roots[first - 1], secondRoot)).toBe(false);
        for (let other = 1; other <= MAX; other += 1) {
          if (other !== first && other <= second) {
            expect(verifyConsistency(other, second, proof, roots[other], secondRoot)).toBe(false);
          }
          if (other !== second && other >= first) {
            expect(verifyConsistency(first, other, proof, firstRoot, roots[other])).toBe(false);
          }
        }
        expect(verifyConsistency(first, second, proof.slice(0, -1), firstRoot, secondRoot)).toBe(false);
        expect(verifyConsistency(first, second, [...proof, secondRoot], firstRoot, secondRoot)).toBe(false);
      }
    }
  });

  it('settle the trivial cases: same size, an empty first tree, a shrinking tree', () => {
    const [root0, root5, root6] = [roots[0], roots[5], roots[6]] as [Buffer, Buffer, Buffer];
    expect(verifyConsistency(5, 5, [], root5, root5)).toBe(true);
    expect(verifyConsistency(5, 5, [], root5, root6)).toBe(false);
    expect(verifyConsistency(5, 5, [root5], root5, root5)).toBe(false);
    expect(verifyConsistency(0, 6, [], root0, root6)).toBe(true);
    expect(verifyConsistency(0, 6, [], root5, root6)).toBe(false);
    expect(verifyConsistency(6, 5, [], root6, root5)).toBe(false);
    expect(verifyConsistency(3, 6, [], roots[3], root6)).toBe(false);
    expect(() => consistencyProofNodes(6, 5)).toThrow(RangeError);
  });
});

describe('trees beyond 2^32 leaves', () => {
  // A tree whose leaves are all alike: a perfect subtree's hash depends on its level only, so a tree
  // of trillions of leaves costs a few hashes, and the size arithmetic past 32 bits gets exercised.
  const levels = [leafHash(Buffer.from('same'))];
  for (let level = 1; level <= 53; level += 1) levels.push(nodeHash(levels[level - 1], levels[level - 1]));
  const alike: SubtreeHashes = (level) => levels[level];
  const rootOfSize = (size: number) => {
    const hashes: string[] = [];
    for (let level = 53; level >= 0; level -= 1) {
      if (Math.floor(size / 2 ** level) % 2 === 1) hashes.push(levels[level].toString('base64'));
    }
    return MerkleFrontier.fromJSON({ size, hashes }).root();
  };

  it('prove inclusion and consistency where 32-bit shifts would wrap', () => {
    const first = 2 ** 32 + 12_345;
    const second = 2 ** 41 + 2 ** 33 + 7;
    for (const [index, size] of [
      [0, first],
      [first - 1, first],
      [2 ** 31 + 5, first],
      [second - 1, second],
      [2 ** 40 + 3, second],
    ] as const) {
      const proof = inclusionProof(index, size, alike);
      expect(verifyInclusion(levels[0], index, size, proof, rootOfSize(size))).toBe(true);
      expect(verifyInclusion(levels[0], index, size, proof.slice(1), rootOfSize(size))).toBe(false);
    }
    const proof = consistencyProof(first, second, alike);
    expect(verifyConsistency(first, second, proof, rootOfSize(first), rootOfSize(second))).toBe(true);
    expect(verifyConsistency(first, second, proof, rootOfSize(first + 1), rootOfSize(second))).toBe(false);
  });
});
