import { createHmac, createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto';

/**
 * Signing as Standard Webhooks defines it (https://www.standardwebhooks.com): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, the `webhook-signature` header a space-separated list
 * of `<version>,<base64 signature>`: `v1` is HMAC-SHA256 with the bytes of a `whsec_<base64>` secret
 * shared with the receiver, `v1a` Ed25519 with a private key only the sender holds, the receiver
 * verifying with its `whpk_<base64 of the raw 32-byte public key>`. Pure: no I/O, no clock.
 */
export type SignatureScheme = 'v1a' | 'v1';
export const SIGNATURE_SCHEMES: readonly SignatureScheme[] = ['v1a', 'v1'];

/** One generation of a subscription's keys: what signs (never stored: derived again when needed). */
export interface SigningKeys {
  /** `whsec_…`: the HMAC secret of `v1`. */
  secret: string;
  /** The Ed25519 private key of `v1a`. */
  privateKey: KeyObject;
  /** `whpk_…`: what a receiver verifies `v1a` with; public. */
  publicKey: string;
}

// The PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The keys of one subscription's key generation, derived (HKDF-SHA256) from the installation's
 * webhook key: the database keeps no secret, only the generation, and a rotation is a new
 * generation. The same inputs always give the same keys.
 */
export function deriveSigningKeys(installationKey: Buffer, subscriptionId: string, generation: number): SigningKeys {
  const derive = (purpose: string) =>
    Buffer.from(
      hkdfSync(
        'sha256',
        installationKey,
        Buffer.alloc(0),
        `lintas-webhook:${purpose}:${subscriptionId}:${generation}`,
        32,
      ),
    );
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, derive('v1a')]),
    format: 'der',
    type: 'pkcs8',
  });
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    secret: `whsec_${derive('v1').toString('base64')}`,
    privateKey,
    publicKey: `whpk_${raw.toString('base64')}`,
  };
}

export function signedContent(id: string, timestamp: number, body: string): Buffer {
  return Buffer.from(`${id}.${timestamp}.${body}`, 'utf8');
}

export function signV1(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key)
    .update(signedContent(id, timestamp, body))
    .digest('base64')}`;
}

export function signV1a(privateKey: KeyObject, id: string, timestamp: number, body: string): string {
  return `v1a,${sign(null, signedContent(id, timestamp, body), privateKey).toString('base64')}`;
}

/**
 * The three headers of one attempt. Each of `keys` (the current generation, and during a
 * rotation's overlap the previous one too) adds its signature, so a receiver holding either key
 * verifies the message.
 */
export function webhookHeaders(
  scheme: SignatureScheme,
  keys: readonly SigningKeys[],
  id: string,
  timestamp: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const signatures = keys.map((key) =>
    scheme === 'v1' ? signV1(key.secret, id, timestamp, body) : signV1a(key.privateKey, id, timestamp, body),
  );
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') };
}
