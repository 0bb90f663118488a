import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** What a seal's signature covers: every column of its row, and the store it belongs to. */
export interface SealFacts {
  /** The store's schema: a seal cannot be moved to another store. */
  schema: string;
  number: string;
  /** `transaction_id.sequence` of the last event the seal covers. */
  lastPosition: string;
  eventCount: number;
  hash: Buffer;
  /** The hash of the seal before it (32 zero bytes for the first). */
  previousHash: Buffer;
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString()` writes it. */
  sealedAt: string;
}

/**
 * The exact text an Ed25519 signature of a seal covers, one `name: value` line per field, so that an
 * auditor outside Lintas can rebuild it from a seals row and check the signature with any Ed25519
 * implementation (`openssl pkeyutl -verify -rawin`).
 */
export function sealText(seal: SealFacts): string {
  return [
    'lintas-seal/v1',
    `store: ${seal.schema}`,
    `seal: ${seal.number}`,
    `last: ${seal.lastPosition}`,
    `events: ${seal.eventCount}`,
    `hash: ${seal.hash.toString('hex')}`,
    `previous: ${seal.previousHash.toString('hex')}`,
    `sealed-at: ${seal.sealedAt}`,
    '',
  ].join('\n');
}

/**
 * A public key's id: its RFC 7638 JWK thumbprint (sha256, base64url). Derived from the key itself,
 * so the id stored beside a signature only picks among the trusted keys: naming a trusted key's id
 * does not make a signature verify under it.
 */
export function sealKeyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

function ed25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 ${type} key`);
  return key;
}

/** Signs seals with an Ed25519 private key that lives outside the database (SEAL_SIGNING_KEY_FILE). */
export class SealSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  /** Readable in the process (the audit ledger signs its checkpoints with its own); never written to the database. */
  constructor(readonly privateKey: KeyObject) {
    ed25519(privateKey, 'private');
    this.publicKey = createPublicKey(privateKey);
    this.keyId = sealKeyId(this.publicKey);
  }

  static generate(): SealSigner {
    return new SealSigner(generateKeyPairSync('ed25519').privateKey);
  }

  /** A PKCS#8 PEM private key (`openssl genpkey -algorithm ed25519`). */
  static fromPem(pem: string): SealSigner {
    return new SealSigner(createPrivateKey({ key: pem, format: 'pem' }));
  }

  sign(seal: SealFacts): Buffer {
    return sign(null, Buffer.from(sealText(seal), 'utf8'), this.privateKey);
  }

  /** The private key as PKCS#8 PEM, for the key file. */
  toPem(): string {
    return this.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  }
}

export type SealSignatureCheck = 'valid' | 'invalid' | 'unknown-key';

/**
 * The public keys a verifier accepts seals from: the service's own and, after a rotation, the ones
 * before it. Always from configuration, never from the database the seals are in.
 */
export class TrustedSealKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(publicKeys: Iterable<KeyObject>) {
    for (const key of publicKeys) this.keys.set(sealKeyId(ed25519(key, 'public')), key);
  }

  /** Keys made from signers (tests, and a service trusting its own key). */
  static of(...signers: SealSigner[]): TrustedSealKeys {
    return new TrustedSealKeys(signers.map((signer) => signer.publicKey));
  }

  /** Every `-----BEGIN PUBLIC KEY-----` block of a PEM text (SPKI). */
  static parsePem(pem: string): KeyObject[] {
    const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
    return blocks.map((block) => ed25519(createPublicKey({ key: block, format: 'pem' }), 'public'));
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  get size(): number {
    return this.keys.size;
  }

  check(seal: SealFacts, keyId: string, signature: Buffer): SealSignatureCheck {
    const key = this.keys.get(keyId);
    if (!key) return 'unknown-key';
    try {
      return verify(null, Buffer.from(sealText(seal), 'utf8'), key, signature) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }
}
