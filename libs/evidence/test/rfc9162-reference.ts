import { EMPTY_ROOT, nodeHash } from '../src/merkle/merkle-hash';

// RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed as written, recursion and all: slow, but plainly
// the definition, so that the library's iterative and stored-node versions can be held against it.
// D below is the list of leaf hashes (MTH({d}) = leafHash(d) is already applied).

function k(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

export function referenceMth(d: readonly Buffer[]): Buffer {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0];
  const split = k(d.length);
  return nodeHash(referenceMth(d.slice(0, split)), referenceMth(d.slice(split)));
}

export function referencePath(m: number, d: readonly Buffer[]): Buffer[] {
  if (d.length === 1) return [];
  const split = k(d.length);
  return m < split
    ? [...referencePath(m, d.slice(0, split)), referenceMth(d.slice(split))]
    : [...referencePath(m - split, d.slice(split)), referenceMth(d.slice(0, split))];
}

export function referenceProof(m: number, d: readonly Buffer[]): Buffer[] {
  return referenceSubproof(m, d, true);
}

function referenceSubproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [referenceMth(d)];
  const split = k(d.length);
  return m <= split
    ? [...referenceSubproof(m, d.slice(0, split), b), referenceMth(d.slice(split))]
    : [...referenceSubproof(m - split, d.slice(split), false), referenceMth(d.slice(0, split))];
}
