import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * Reads the master key from its configured form. The message never repeats the value: it is the
 * one secret that opens every person's data key.
 */
export function parseMasterKey(base64: string): Buffer {
  const text = base64.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (key?.length !== KEY_BYTES) {
    throw new Error(
      `The master key must be ${KEY_BYTES} random bytes in base64 (44 characters ending in '=', ` +
        `e.g. from \`openssl rand -base64 32\`); got ${text.length} characters that are not that`,
    );
  }
  return key;
}

/**
 * Seals a person's data key under the master key. The person id is authenticated data, so a wrapped
 * key copied onto another person's row does not unwrap there.
 * Layout: version (1 byte) | IV (12) | GCM tag (16) | encrypted key.
 */
export function wrapDataKey(master: Buffer, dataKey: Buffer, personId: string): Buffer {
  requireKey(master, 'master key');
  requireKey(dataKey, 'data key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(personId, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), encrypted]);
}

export function unwrapDataKey(master: Buffer, wrapped: Buffer, personId: string): Buffer {
  requireKey(master, 'master key');
  if (wrapped.length !== HEADER_BYTES + KEY_BYTES || wrapped[0] !== VERSION) {
    throw new Error(`The wrapped data key of person ${personId} is not in version ${VERSION} form`);
  }
  const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(personId, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(wrapped.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new Error(
      `The data key of person ${personId} does not unwrap: another master key, another person's key, or altered`,
    );
  }
}

function requireKey(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES) throw new Error(`A ${what} must be ${KEY_BYTES} bytes, got ${key.length}`);
}
