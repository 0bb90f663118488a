import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  type Checkpoint,
  checkpointText,
  keyIdOf,
  publicKeyFromJwk,
  publicKeyToJwk,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint';

const ledgerKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');
const checkpoint: Checkpoint = {
  origin: 'lintas.example/ledger',
  treeSize: 1234,
  rootHash: createHash('sha256').update('a root').digest('base64'),
  time: '2026-12-06T09:30:00.123Z',
};

const flipBase64 = (text: string, byte: number): string => {
  const bytes = Buffer.from(text, 'base64');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

describe('checkpoints', () => {
  it('sign the four fields one a line', () => {
    expect(checkpointText(checkpoint)).toBe(
      `lintas.example/ledger\n1234\n${checkpoint.rootHash}\n2026-12-06T09:30:00.123Z\n`,
    );
  });

  it('verify with the key that signed them', () => {
    const signed = signCheckpoint(checkpoint, ledgerKey.privateKey);
    expect(signed.keyId).toBe(keyIdOf(ledgerKey.publicKey));
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    expect(verifyCheckpoint(signed, ledgerKey.publicKey)).toBe(true);
    // As a holder of a copy would read it back from a file.
    expect(verifyCheckpoint(JSON.parse(JSON.stringify(signed)) as SignedCheckpoint, ledgerKey.publicKey)).toBe(true);
  });

  it('fail when a field changed after signing', () => {
    const signed = signCheckpoint(checkpoint, ledgerKey.privateKey);
    const changes: Partial<Checkpoint>[] = [
      { origin: 'lintas.example/other' },
      { treeSize: 1235 },
      { rootHash: flipBase64(checkpoint.rootHash, 31) },
      { time: '2026-12-06T09:30:00.124Z' },
    ];
    for (const change of changes) {
      expect(verifyCheckpoint({ ...signed, checkpoint: { ...checkpoint, ...change } }, ledgerKey.publicKey)).toBe(
        false,
      );
    }
  });

  it('fail with another key, another key id, or a flipped signature byte', () => {
    const signed = signCheckpoint(checkpoint, ledgerKey.privateKey);
    expect(verifyCheckpoint(signed, otherKey.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, keyId: keyIdOf(otherKey.publicKey) }, otherKey.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, keyId: '0000000000000000' }, ledgerKey.publicKey)).toBe(false);
    for (const byte of [0, 31, 63]) {
      expect(verifyCheckpoint({ ...signed, signature: flipBase64(signed.signature, byte) }, ledgerKey.publicKey)).toBe(
        false,
      );
    }
    const bySomeoneElse = signCheckpoint(checkpoint, otherKey.privateKey);
    expect(verifyCheckpoint({ ...bySomeoneElse, keyId: signed.keyId }, ledgerKey.publicKey)).toBe(false);
  });

  it('answer false, not throw, for malformed input', () => {
    const signed = signCheckpoint(checkpoint, ledgerKey.privateKey);
    const malformed: unknown[] = [
      null,
      'text',
      { ...signed, checkpoint: null },
      { ...signed, checkpoint: { ...checkpoint, treeSize: '1234' } },
      { ...signed, checkpoint: { ...checkpoint, origin: 'two\nlines' } },
      { ...signed, checkpoint: { ...checkpoint, rootHash: 'not base64!' } },
      { ...signed, checkpoint: { ...checkpoint, time: 'yesterday' } },
      { ...signed, signature: `${signed.signature}AA==` },
      { ...signed, signature: 42 },
    ];
    for (const value of malformed) expect(verifyCheckpoint(value as SignedCheckpoint, ledgerKey.publicKey)).toBe(false);
    expect(verifyCheckpoint(signed, ledgerKey.privateKey)).toBe(false);
  });

  it('refuse to sign a malformed checkpoint or with anything but an Ed25519 private key', () => {
    expect(() => signCheckpoint({ ...checkpoint, treeSize: -1 }, ledgerKey.privateKey)).toThrow('treeSize');
    expect(() => signCheckpoint(checkpoint, ledgerKey.publicKey)).toThrow('Ed25519 private key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signCheckpoint(checkpoint, rsa.privateKey)).toThrow('Ed25519 private key');
  });
});

describe('key ids and JWKs', () => {
  it('names a key by the first 8 bytes of SHA-256 over its SPKI', () => {
    const der = ledgerKey.publicKey.export({ type: 'spki', format: 'der' });
    expect(keyIdOf(ledgerKey.publicKey)).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(keyIdOf(ledgerKey.publicKey)).not.toBe(keyIdOf(otherKey.publicKey));
  });

  it('round-trips a public key through an OKP JWK', () => {
    const jwk = publicKeyToJwk(ledgerKey.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const key = publicKeyFromJwk(JSON.parse(JSON.stringify(jwk)) as typeof jwk);
    expect(keyIdOf(key)).toBe(keyIdOf(ledgerKey.publicKey));
    expect(verifyCheckpoint(signCheckpoint(checkpoint, ledgerKey.privateKey), key)).toBe(true);
  });

  it('refuses JWKs that are not an Ed25519 public key', () => {
    const jwk = publicKeyToJwk(ledgerKey.publicKey);
    const privateJwk = ledgerKey.privateKey.export({ format: 'jwk' });
    expect(() => publicKeyFromJwk(privateJwk)).toThrow('private key');
    expect(() => publicKeyFromJwk({ ...jwk, crv: 'X25519' })).toThrow('Ed25519');
    expect(() => publicKeyFromJwk({ ...jwk, kty: 'EC' })).toThrow('Ed25519');
    expect(() => publicKeyFromJwk({ ...jwk, x: `${jwk.x}A` })).toThrow('32 bytes');
    expect(() => publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519' })).toThrow('32 bytes');
    expect(() => publicKeyFromJwk(null as never)).toThrow('object');
  });
});
