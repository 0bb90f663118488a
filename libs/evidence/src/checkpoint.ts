import { createHash, createPublicKey, type JsonWebKey, type KeyObject, sign, verify } from 'node:crypto';
import { decodeBase64, decodeBase64Url } from './base64';

/** The ledger's statement of its tree at one size: anyone holding a copy can later hold the ledger to it. */
export interface Checkpoint {
  /** Which ledger: a checkpoint of one ledger says nothing about another. */
  origin: string;
  treeSize: number;
  /** MTH of the tree's first treeSize leaves, base64. */
  rootHash: string;
  /** When the ledger signed it, RFC 3339. */
  time: string;
}

export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /** keyIdOf the signing key: which of the ledger's keys to check it with. */
  keyId: string;
  /** Ed25519 over checkpointText(checkpoint), base64. */
  signature: string;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The bytes the signature covers: origin, size, root and time, one a line, each ended by "\n", as
 * the body of a C2SP checkpoint (the time as its extension line). A text form rather than JSON so
 * that a person can read what was signed, and there is exactly one way to write it.
 */
export function checkpointText(c: Checkpoint): string {
  const problem = checkpointProblem(c);
  if (problem) throw new Error(`not a checkpoint: ${problem}`);
  return `${c.origin}\n${c.treeSize}\n${c.rootHash}\n${c.time}\n`;
}

export function signCheckpoint(c: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  requireEd25519(privateKey, 'private');
  const checkpoint: Checkpoint = { origin: c.origin, treeSize: c.treeSize, rootHash: c.rootHash, time: c.time };
  const signature = sign(null, Buffer.from(checkpointText(checkpoint), 'utf8'), privateKey);
  return { checkpoint, keyId: keyIdOf(createPublicKey(privateKey)), signature: signature.toString('base64') };
}

/** Whether `publicKey` signed this checkpoint. False, never a throw, for anything malformed. */
export function verifyCheckpoint(signed: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    if (typeof signed !== 'object' || signed === null || checkpointProblem(signed.checkpoint) !== undefined)
      return false;
    if (!isEd25519(publicKey, 'public') || signed.keyId !== keyIdOf(publicKey)) return false;
    const signature = decodeBase64(signed.signature, 64);
    if (!signature) return false;
    return verify(null, Buffer.from(checkpointText(signed.checkpoint), 'utf8'), publicKey, signature);
  } catch {
    return false;
  }
}

/** Names a key in 16 hex digits: the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo (DER). */
export function keyIdOf(publicKey: KeyObject): string {
  requireEd25519(publicKey, 'public');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 8).toString('hex');
}

/** The public key as an RFC 8037 JWK (`{ kty: 'OKP', crv: 'Ed25519', x }`), to travel with a bundle. */
export function publicKeyToJwk(publicKey: KeyObject): JsonWebKey {
  requireEd25519(publicKey, 'public');
  const { x } = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x };
}

/** The key of an RFC 8037 Ed25519 JWK; throws for anything else, a private key included. */
export function publicKeyFromJwk(jwk: JsonWebKey): KeyObject {
  if (typeof jwk !== 'object' || jwk === null) throw new Error('a JWK is an object');
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error('not an Ed25519 JWK (kty OKP, crv Ed25519)');
  // A private member here means the signing key left the ledger: refuse rather than quietly drop it.
  if ('d' in jwk) throw new Error('the JWK holds a private key');
  if (!decodeBase64Url(jwk.x, 32)) throw new Error("the JWK's x is not 32 bytes of base64url");
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

function checkpointProblem(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return 'not an object';
  const { origin, treeSize, rootHash, time } = c as Record<string, unknown>;
  if (typeof origin !== 'string' || origin === '' || origin.includes('\n')) return 'origin must be one non-empty line';
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) {
    return 'treeSize must be a whole number ≥ 0';
  }
  if (!decodeBase64(rootHash, 32)) return 'rootHash must be a SHA-256 hash in base64';
  if (typeof time !== 'string' || !RFC_3339.test(time) || Number.isNaN(Date.parse(time))) {
    return 'time must be an RFC 3339 timestamp';
  }
  return undefined;
}

function isEd25519(key: unknown, type: 'public' | 'private'): key is KeyObject {
  return (
    typeof key === 'object' &&
    key !== null &&
    (key as KeyObject).type === type &&
    (key as KeyObject).asymmetricKeyType === 'ed25519'
  );
}

function requireEd25519(key: KeyObject, type: 'public' | 'private'): void {
  if (!isEd25519(key, type)) throw new Error(`an Ed25519 ${type} key is needed`);
}
