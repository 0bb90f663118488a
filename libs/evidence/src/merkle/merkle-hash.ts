import { createHash } from 'node:crypto';

// RFC 9162 §2.1.1: distinct prefixes keep a leaf from ever hashing like an interior node, so no one
// can present an interior node as a leaf (a second-preimage attack on the tree).
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

/** The hash of an empty tree (MTH({}) = SHA-256 of the empty string). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** MTH of a one-leaf tree: SHA-256(0x00 || data). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** An interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
