import { createHash, generateKeyPairSync } from 'node:crypto';
import { sealKeyId, sealText, SealSigner, TrustedSealKeys, type SealFacts } from './seal-signature';

const seal: SealFacts = {
  schema: 'intake',
  number: '7',
  lastPosition: '1332759.42',
  eventCount: 10_000,
  hash: Buffer.alloc(32, 0xab),
  previousHash: Buffer.alloc(32, 0xcd),
  sealedAt: '2026-11-20T08:15:00.123Z',
};

describe('seal signatures', () => {
  it('cover a text an auditor can rebuild from the seals row', () => {
    expect(sealText(seal)).toBe(
      [
        'lintas-seal/v1',
        'store: intake',
        'seal: 7',
        'last: 1332759.42',
        'events: 10000',
        `hash: ${'ab'.repeat(32)}`,
        `previous: ${'cd'.repeat(32)}`,
        'sealed-at: 2026-11-20T08:15:00.123Z',
        '',
      ].join('\n'),
    );
  });

  it('hold for the seal as signed, and for no field changed', () => {
    const signer = SealSigner.generate();
    const trusted = TrustedSealKeys.of(signer);
    const signature = signer.sign(seal);
    expect(trusted.check(seal, signer.keyId, signature)).toBe('valid');
    const changed: Partial<SealFacts>[] = [
      { schema: 'rehabilitation' },
      { number: '8' },
      { lastPosition: '1332759.43' },
      { eventCount: 9_999 },
      { hash: Buffer.alloc(32, 0xac) },
      { previousHash: Buffer.alloc(32) },
      { sealedAt: '2026-11-20T08:15:00.124Z' },
    ];
    for (const change of changed)
      expect(trusted.check({ ...seal, ...change }, signer.keyId, signature)).toBe('invalid');
    expect(trusted.check(seal, signer.keyId, Buffer.alloc(3))).toBe('invalid');
  });

  it('name their key by its RFC 7638 thumbprint, which only picks among the trusted keys', () => {
    const signer = SealSigner.generate();
    const jwk = signer.publicKey.export({ format: 'jwk' });
    expect(signer.keyId).toBe(
      createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`).digest('base64url'),
    );
    const other = SealSigner.generate();
    const trusted = TrustedSealKeys.of(signer);
    expect(trusted.check(seal, other.keyId, other.sign(seal))).toBe('unknown-key');
    expect(trusted.check(seal, signer.keyId, other.sign(seal))).toBe('invalid');
    expect(new TrustedSealKeys([]).check(seal, signer.keyId, signer.sign(seal))).toBe('unknown-key');
  });

  it('round-trip through PEM files: the private key to sign, public keys to trust', () => {
    const signer = SealSigner.generate();
    const again = SealSigner.fromPem(signer.toPem());
    expect(again.keyId).toBe(signer.keyId);
    const others = [SealSigner.generate(), SealSigner.generate()];
    const pem = others.map((key) => key.publicKey.export({ format: 'pem', type: 'spki' }).toString()).join('\n');
    const trusted = new TrustedSealKeys(TrustedSealKeys.parsePem(pem));
    expect(trusted.keyIds).toEqual(others.map((key) => key.keyId));
    expect(trusted.check(seal, others[1]?.keyId ?? '', others[1]?.sign(seal) ?? Buffer.alloc(0))).toBe('valid');
  });

  it('take Ed25519 keys only', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => new SealSigner(privateKey)).toThrow('not an Ed25519 private key');
    expect(() => new TrustedSealKeys([publicKey])).toThrow('not an Ed25519 public key');
    expect(() => sealKeyId(publicKey)).toThrow('not an Ed25519 key');
  });
});
