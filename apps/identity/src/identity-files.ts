import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importJWK, type JWK } from 'jose';
import { generateSigningKey } from '@lintas/identity/signing-key';

/** The algorithms the services accept (libs/platform/src/http/agency/access-token.ts). */
const SIGNING_ALGORITHMS = ['ES256', 'EdDSA'];

/** A file the identity app cannot start with; its message names the file and each problem, never a secret. */
export class IdentityFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'IdentityFileError';
  }
}

/**
 * The private signing keys, the first of which signs. Outside production a missing file is
 * created with one new ES256 key, readable by its owner only, so that development needs no set-up
 * and no key ever sits in the repository.
 */
export async function readSigningKeys(
  path: string,
  createIfMissing: boolean,
): Promise<{ keys: JWK[]; created: boolean }> {
  const json = await readJson(path);
  if (json === undefined) {
    if (!createIfMissing)
      throw new IdentityFileError(path, ['no such file (a JSON { "keys": [...] } of private JWKs)']);
    const keys = [await generateSigningKey()];
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': a file another process wrote meanwhile is never overwritten, its key may already sign.
    await writeFile(path, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { keys, created: true };
  }
  const keys: unknown = typeof json === 'object' && json !== null ? (json as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new IdentityFileError(path, ['must be a JSON object { "keys": [...] } with at least one private JWK']);
  }
  const problems = (await Promise.all(keys.map((key: unknown, index) => keyProblems(key, `key ${index}`)))).flat();
  const kids = keys.map((key: JWK | null) => key?.kid);
  if (new Set(kids).size !== kids.length) problems.push('every key needs a kid of its own');
  if (problems.length > 0) throw new IdentityFileError(path, problems);
  return { keys: keys as JWK[], created: false };
}

async function keyProblems(entry: unknown, where: string): Promise<string[]> {
  if (typeof entry !== 'object' || entry === null) return [`${where}: must be a JWK object`];
  const key = entry as JWK;
  const named = typeof key.kid === 'string' && key.kid !== '' ? `${where} (kid ${key.kid})` : where;
  if (typeof key.kid !== 'string' || key.kid === '') return [`${named}: needs a kid`];
  if (typeof key.alg !== 'string' || !SIGNING_ALGORITHMS.includes(key.alg)) {
    return [`${named}: alg must be one of ${SIGNING_ALGORITHMS.join(', ')}`];
  }
  if (typeof key.d !== 'string') return [`${named}: must be a private key (it has no d)`];
  try {
    await importJWK(key, key.alg);
    return [];
  } catch {
    return [`${named}: is not a usable ${key.alg} key`];
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IdentityFileError(path, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse quotes the text around the fault, and this text holds secrets.
    throw new IdentityFileError(path, ['is not valid JSON']);
  }
}
