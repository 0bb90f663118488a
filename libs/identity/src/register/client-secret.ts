import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A client secret: 256 random bits, shown once to whoever registers or rotates the client. Only its
 * SHA-256 is kept. A slow password hash would add nothing: nobody can guess 256 random bits, so a
 * stolen hash is no shortcut to the secret, and every token request would pay for the slowness.
 */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashClientSecret(secret) };
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether the presented secret is one of the client's, comparing every hash in constant time. */
export function secretMatches(presented: string, hashes: readonly string[]): boolean {
  const digest = Buffer.from(hashClientSecret(presented), 'hex');
  let matched = false;
  for (const hash of hashes) {
    const stored = Buffer.from(hash, 'hex');
    if (stored.length === digest.length && timingSafeEqual(stored, digest)) matched = true;
  }
  return matched;
}
