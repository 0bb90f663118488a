import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed tokens of personal values, so that a table can find rows sharing a value (a NIK, a name's
 * sound) without holding the value: a blind index. The key is derived from the master key for one
 * purpose, so tokens of one index say nothing in another, and nobody without the master key can
 * test a guessed name against them (a plain hash of a name could be reversed by trying names).
 */
export class BlindIndex {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `lintas blind index: ${purpose}`, 32));
  }

  /** 128 bits: collisions among a province's records are out of reach, and the rows stay small. */
  token(value: string): string {
    return createHmac('sha256', this.key).update(value, 'utf8').digest('base64url').slice(0, 22);
  }
}
