import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// IV and tag, then at least one byte of JSON: 29 bytes are at least 39 base64url characters.
const SEALED = /^enc:v1:[A-Za-z0-9_-]{39,}$/;

/**
 * Encrypts one value (any JSON value) with a person's data key. The aad, the person id, is
 * authenticated, so a sealed value copied into another person's record does not open there.
 * The value comes back as its JSON form: a Date, for one, comes back as a string.
 */
export function encryptValue(dataKey: Buffer, value: unknown, aad: string): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new Error(`A ${typeof value} has no JSON form and cannot be sealed`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url');
}

/** Throws when the key or aad is not the one it was sealed with, or when the value was altered. */
export function decryptValue(dataKey: Buffer, sealed: string, aad: string): unknown {
  if (!isSealed(sealed)) throw new Error(`Not a sealed value: it must look like ${PREFIX}<base64url>`);
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let json: string;
  try {
    json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('A sealed value does not open: another key or person, or altered');
  }
  return JSON.parse(json);
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && SEALED.test(value);
}
