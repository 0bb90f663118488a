import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * People's passwords, unlike clients' secrets, are chosen or remembered by people, so they are
 * guessable: only a slow, salted hash is kept. scrypt (node:crypto, no native module) with a salt
 * of each user's own, its cost written into the hash so that a later, costlier setting reads the
 * old hashes. 2^15 × 8 × 128 bytes is 32 MiB and some 50–100 ms a sign-in.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_MEMORY = 64 * 1024 * 1024;
const PREFIX = 'scrypt';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // NFKC: the same password typed on another keyboard or system is the same password.
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url): what the register keeps instead of the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password is the one hashed, compared in constant time; false for a malformed hash. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a hash that matches nothing, so that a sign-in as nobody takes as
 * long as one with a wrong password: the time of the answer does not tell who has an account.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(32).toString('base64url'));
  await passwordMatches(password, await decoy);
}

/**
 * Why a password is not acceptable, or undefined when it is: length only (NIST SP 800-63B §3.1.1.2),
 * no composition rules, which make passwords harder to remember and no harder to guess.
 */
export function passwordProblem(password: string): string | undefined {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'must not be blank';
  return undefined;
}

/**
 * A password for an admin to hand over once: 120 random bits as 20 letters, digits, `-` and `_`,
 * typed by hand at most once before its owner chooses their own.
 */
export function newPassword(): string {
  return randomBytes(15).toString('base64url');
}
