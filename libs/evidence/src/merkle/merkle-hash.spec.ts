import { createHash } from 'node:crypto';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle-hash';

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

describe('RFC 9162 hashes', () => {
  it('hashes an empty tree as SHA-256 of nothing', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('prefixes a leaf with 0x00', () => {
    const data = Buffer.from('a ledger entry');
    expect(leafHash(data)).toEqual(sha256(Buffer.of(0), data));
    // The empty leaf of the RFC 6962 reference test vectors.
    expect(leafHash(new Uint8Array()).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('prefixes an interior node with 0x01 and keeps left and right apart', () => {
    const left = leafHash(Buffer.from('left'));
    const right = leafHash(Buffer.from('right'));
    expect(nodeHash(left, right)).toEqual(sha256(Buffer.of(1), left, right));
    expect(nodeHash(left, right)).not.toEqual(nodeHash(right, left));
  });

  it('never hashes a leaf like a node of the same bytes', () => {
    const left = leafHash(Buffer.from('l'));
    const right = leafHash(Buffer.from('r'));
    expect(leafHash(Buffer.concat([left, right]))).not.toEqual(nodeHash(left, right));
  });
});
